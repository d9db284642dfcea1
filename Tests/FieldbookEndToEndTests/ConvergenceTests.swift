import Foundation
import Testing

/// Two reps and the office edit offline and through the office API, sync
/// through a real `fieldbook-server`, and converge; a same-field conflict is
/// visible everywhere and resolved once.
@Suite("end to end: convergence", .serialized)
struct ConvergenceTests {
    @Test func twoRepsAndTheOfficeConvergeAndResolveAConflictOnce() async throws {
        let organization = try await SalesOrganization.start()
        defer { organization.server.killNow() }
        let north = try #require(organization.territories["North"])
        let anna = try await organization.client("anna")
        let ben = try await organization.client("ben")
        let office = try await organization.http("eva")

        // Anna creates an account and a contact offline, then syncs.
        let account = try await anna.object("account", "add", "--name", "Müller GmbH", "--territory", north, "--role", "customer")
        let id = try #require(account["id"] as? String)
        _ = try await anna.object("contact", "add", "--first-name", "Petra", "--last-name", "Schulz", "--account", id)
        let first = try await anna.sync()
        #expect(first["accepted"] as? Int == 2)
        #expect(first["rejected"] as? Int == 0)

        // Ben (same territory) receives both; the office sees them through the API.
        try await ben.sync()
        #expect(try await ben.account(id)["name"] as? String == "Müller GmbH")
        let document = try await office.send("GET", "/v1/records/account/\(id)")
        #expect(document.status == 200)

        // Offline: Anna and Ben both change the phone; the office changes the industry.
        _ = try await anna.object("account", "edit", id, "--phone", "+49 711 1111")
        _ = try await ben.object("account", "edit", id, "--phone", "+49 711 2222")
        let patched = try await office.send("PATCH", "/v1/records/account/\(id)", json: ["fields": ["industry": "Maschinenbau"]])
        #expect(patched.status == 200)

        for client in [anna, ben, anna, ben] { try await client.sync() }

        // Everyone has the office's industry and sees one conflict on the phone.
        for client in [anna, ben] {
            let shown = try await client.account(id)
            #expect(shown["industry"] as? String == "Maschinenbau")
            let conflicts = try #require(try await client.json("conflicts", "list") as? [[String: Any]])
            #expect(conflicts.count == 1)
        }
        let conflicted = try await office.send("GET", "/v1/records/account/\(id)")
        let officeConflicts = try #require(conflicted.object["conflicts"] as? [[String: Any]])
        #expect(officeConflicts.count == 1)
        #expect(officeConflicts.first?["field"] as? String == "phone")

        // Anna resolves it once; after syncing, nobody has a conflict and all agree.
        let conflictID = try #require((try await anna.json("conflicts", "list") as? [[String: Any]])?.first?["id"] as? String)
        let resolved = try await anna.run(["conflicts", "resolve", conflictID, "--value", "+49 711 3333", "--json"])
        #expect(resolved.exitCode == 0, "\(resolved)")
        for client in [anna, ben] { try await client.sync() }
        for client in [anna, ben] {
            #expect((try await client.json("conflicts", "list") as? [[String: Any]])?.isEmpty == true)
            #expect(try await client.account(id)["phone"] as? String == "+49 711 3333")
        }
        let final = try await office.send("GET", "/v1/records/account/\(id)")
        #expect((final.object["conflicts"] as? [Any])?.isEmpty ?? true)
        #expect((final.object["fields"] as? [String: Any])?["phone"] as? String == "+49 711 3333")
        #expect(await organization.server.terminate() == 0)
    }
}
