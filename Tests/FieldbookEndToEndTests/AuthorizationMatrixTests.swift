import Foundation
import Testing

/// A rep is refused on every out-of-scope read and write: through the CLI's
/// sync, the office API and hand-made protocol requests.
@Suite("end to end: authorization matrix", .serialized)
struct AuthorizationMatrixTests {
    @Test func aRepIsRefusedOnEveryOutOfScopeReadAndWrite() async throws {
        let organization = try await SalesOrganization.start()
        defer { organization.server.killNow() }
        let north = try #require(organization.territories["North"])
        let south = try #require(organization.territories["South"])
        let anna = try await organization.client("anna")
        let carl = try await organization.client("carl")

        let northAccount = try #require(try await anna.object("account", "add", "--name", "Nord AG", "--territory", north)["id"] as? String)
        let northContact = try #require(
            try await anna.object("contact", "add", "--last-name", "Klein", "--account", northAccount)["id"] as? String
        )
        let southAccount = try #require(try await carl.object("account", "add", "--name", "Süd AG", "--territory", south)["id"] as? String)
        try await anna.sync()
        try await carl.sync()
        let schemaVersion = try #require(try await carl.object("status")["schemaVersion"] as? Int)

        // Reads through sync: Carl's notebook has South's account, not North's.
        #expect(try await carl.run(["account", "show", southAccount]).exitCode == 0)
        #expect(try await carl.run(["account", "show", northAccount]).exitCode == 3)
        #expect(try await carl.run(["contact", "show", northContact]).exitCode == 3)

        // Reads through the office API: out-of-scope records do not exist for Carl.
        let replica = "carl-raw-\(UUID().uuidString.prefix(8).lowercased())"
        let http = try await organization.http("carl", replica: replica)
        #expect(try await http.send("GET", "/v1/records/account/\(northAccount)").status == 404)
        #expect(try await http.send("GET", "/v1/records/contact/\(northContact)").status == 404)
        #expect(try await http.send("GET", "/v1/records/account/\(southAccount)").status == 200)
        let listed = try await http.send("GET", "/v1/records/account")
        let listedIDs = Set((listed.object["records"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
        #expect(listedIDs.contains(southAccount))
        #expect(!listedIDs.contains(northAccount))
        #expect(try await http.send("PATCH", "/v1/records/account/\(northAccount)", json: ["fields": ["phone": "1"]]).status == 404)

        // Reads through a hand-made download.
        let raw = RawSyncSession(http: http, replica: replica, schemaVersion: schemaVersion)
        let download = try await raw.downloadRecordIDs()
        #expect(download.status == 200)
        #expect(download.ids.contains(southAccount))
        #expect(!download.ids.contains(northAccount))
        #expect(!download.ids.contains(northContact))

        // Writes: each hand-made change gets the refusal it deserves.
        let phone: [[String: Any]] = [["slot": "phone", "value": "+49 30 1"]]
        let cases: [(String, [String: Any], Set<String>)] = [
            ("edit another territory's account", raw.change("account", northAccount, phone), ["out_of_scope"]),
            ("edit another territory's contact", raw.change("contact", northContact, phone), ["out_of_scope"]),
            (
                "add a contact to another territory's account",
                raw.change("contact", UUID().uuidString.lowercased(), [
                    ["slot": "lastName", "value": "Neu"], ["slot": "account", "value": northAccount],
                ]), ["out_of_scope", "forbidden"]
            ),
            ("change an account's owner", raw.change("account", southAccount, [["slot": "owner", "value": organization.users["carl"]!]]), ["forbidden"]),
            ("move an account to another territory", raw.change("account", southAccount, [["slot": "territory", "value": north]]), ["forbidden"]),
            ("write reference data", raw.change("product", UUID().uuidString.lowercased(), [["slot": "name", "value": "Pumpe"]]), ["forbidden"]),
            ("push another replica's dot", raw.change("account", southAccount, phone, dot: "someone-else-1234:1"), ["foreign_dot"]),
        ]
        for (what, change, expected) in cases {
            let result = try await raw.pushOne(change)
            #expect(result["status"] as? String == "rejected", "\(what): \(result)")
            #expect(expected.contains(result["code"] as? String ?? ""), "\(what): \(result)")
        }
        // The control: an in-scope edit is accepted (so the refusals above are not blanket ones).
        let allowed = try await raw.pushOne(raw.change("account", southAccount, phone))
        #expect(allowed["status"] as? String == "accepted", "\(allowed)")

        // Requests in another device's name are refused outright.
        let annaReplica = try #require(try await anna.object("status")["replica"] as? String)
        #expect(try await raw.push([raw.change("account", southAccount, phone)], as: annaReplica).status == 403)
        #expect(try await raw.downloadRecordIDs(as: annaReplica).status == 403)

        // A logged-out token is dead for every route.
        #expect(try await http.send("POST", "/v1/auth/logout").status == 204)
        #expect(try await http.send("GET", "/v1/records/account/\(southAccount)").status == 401)
        #expect(try await raw.push([]).status == 401)
    }
}
