import FieldbookServerStorePostgres
import FieldbookServerStorePostgresTesting
import Foundation
import Testing

/// Two `fieldbook-server` processes on one PostgreSQL database (README
/// "Scaling out"): the organisation is set up with admin commands given
/// `--database`, reps sync through different instances, the office edits
/// through both, and everything converges — a conflict and a reassignment
/// included.
@Suite(
    "end to end: two server instances on PostgreSQL", .serialized,
    .enabled(if: PostgresTestDatabase.isEnabled, PostgresTestDatabase.skipNote)
)
struct ScaleOutTests {
    @Test func repsOnDifferentInstancesConvergeThroughAConflictAndAReassignment() async throws {
        try await PostgresTestDatabase.withSchema(prefix: "e2e") { schema in
            let url = schema.url.connectionString
            let first = try ServerProcess(database: url)
            let second = try ServerProcess(database: url)
            defer {
                first.killNow()
                second.killNow()
            }
            let organization = try await Self.organize(on: first)
            try await first.start()
            try await second.start()
            try await Self.converge(organization, first, second)
            try await Self.reassign(organization, first, second)
            #expect(await first.terminate() == 0)
            #expect(await second.terminate() == 0)
        }
    }

    /// Anna syncs through the first instance, Ben through the second, the office
    /// writes through both; a same-field conflict is seen everywhere and resolved once.
    static func converge(_ organization: SalesOrganization, _ first: ServerProcess, _ second: ServerProcess) async throws {
        let north = try #require(organization.territories["North"])
        let anna = try await client("anna", on: first)
        let ben = try await client("ben", on: second)
        let officeOnFirst = try await HTTPCall.login(first, "eva", password: SalesOrganization.password("eva"), replica: "e2e-eva-1").0
        let officeOnSecond = try await HTTPCall.login(second, "eva", password: SalesOrganization.password("eva"), replica: "e2e-eva-2").0

        let id = try #require(
            try await anna.object("account", "add", "--name", "Müller GmbH", "--territory", north, "--role", "customer")["id"] as? String
        )
        let synced = try await anna.sync()
        #expect(synced["accepted"] as? Int == 1)
        try await ben.sync()
        #expect(try await ben.account(id)["name"] as? String == "Müller GmbH", "a change accepted by one instance is pulled through the other")

        // Server-authored changes from both instances at once: the server replica's
        // counters come from the database, so none is lost or reused.
        let edits = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<6 {
                let office = index % 2 == 0 ? officeOnFirst : officeOnSecond
                group.addTask {
                    let field = index % 2 == 0 ? "website" : "industry"
                    return try await office.send("PATCH", "/v1/records/account/\(id)", json: ["fields": [field: "v\(index)"]]).status
                }
            }
            var statuses: [Int] = []
            for try await status in group { statuses.append(status) }
            return statuses
        }
        #expect(edits == Array(repeating: 200, count: 6), "\(edits)")
        let patched = try await officeOnSecond.send("PATCH", "/v1/records/account/\(id)", json: ["fields": ["industry": "Maschinenbau"]])
        #expect(patched.status == 200)

        // Offline, Anna and Ben change the phone: one conflict, visible on both instances.
        _ = try await anna.object("account", "edit", id, "--phone", "+49 711 1111")
        _ = try await ben.object("account", "edit", id, "--phone", "+49 711 2222")
        for client in [anna, ben, anna, ben] { try await client.sync() }
        for client in [anna, ben] {
            #expect(try await client.account(id)["industry"] as? String == "Maschinenbau")
            #expect((try await client.json("conflicts", "list") as? [[String: Any]])?.count == 1)
        }
        for office in [officeOnFirst, officeOnSecond] {
            let document = try await office.send("GET", "/v1/records/account/\(id)")
            #expect((document.object["conflicts"] as? [Any])?.count == 1)
        }
        let conflictID = try #require((try await ben.json("conflicts", "list") as? [[String: Any]])?.first?["id"] as? String)
        let resolved = try await ben.run(["conflicts", "resolve", conflictID, "--value", "+49 711 3333", "--json"])
        #expect(resolved.exitCode == 0, "\(resolved)")
        for client in [ben, anna] { try await client.sync() }
        for client in [anna, ben] {
            #expect((try await client.json("conflicts", "list") as? [[String: Any]])?.isEmpty == true)
            #expect(try await client.account(id)["phone"] as? String == "+49 711 3333")
        }
        let final = try await officeOnFirst.send("GET", "/v1/records/account/\(id)")
        #expect((final.object["conflicts"] as? [Any])?.isEmpty ?? true)
        #expect((final.object["fields"] as? [String: Any])?["phone"] as? String == "+49 711 3333")
    }

    /// The office moves an account (admin command on the database, no
    /// instance involved) while Anna has an unsynced edit: Anna's instance
    /// accepts the edit and evicts the account; Carl gets it through the other.
    static func reassign(_ organization: SalesOrganization, _ first: ServerProcess, _ second: ServerProcess) async throws {
        let north = try #require(organization.territories["North"])
        let anna = try await client("anna", on: first)
        let carl = try await client("carl", on: second)
        let account = try #require(try await anna.object("account", "add", "--name", "Bauer KG", "--territory", north)["id"] as? String)
        let contact = try #require(try await anna.object("contact", "add", "--last-name", "Weber", "--account", account)["id"] as? String)
        try await anna.sync()
        try await carl.sync()
        #expect(try await carl.run(["account", "show", account]).exitCode == 3, "carl must not see North's account yet")

        _ = try await anna.object("account", "edit", account, "--phone", "+49 89 4711")
        try await second.admin(["account", "assign", account, "--territory", "South"])

        let annaSync = try await anna.sync()
        #expect(annaSync["accepted"] as? Int == 1)
        #expect(annaSync["rejected"] as? Int == 0)
        #expect(try await anna.run(["account", "show", account]).exitCode == 3)
        #expect(try await anna.run(["contact", "show", contact]).exitCode == 3)
        try await carl.sync()
        let moved = try await carl.account(account)
        #expect(moved["phone"] as? String == "+49 89 4711")
        #expect(moved["territory"] as? String == organization.territories["South"])
        #expect(try await carl.object("contact", "show", contact)["lastName"] as? String == "Weber")
    }

    /// Territories North and South, reps anna, ben (North) and carl (South), eva
    /// in the office: admin commands with `--database`, before any instance runs.
    static func organize(on server: ServerProcess) async throws -> SalesOrganization {
        var organization = SalesOrganization(server: server)
        for name in ["North", "South"] {
            organization.territories[name] = try await server.admin(["territory", "add", name, "--code", String(name.prefix(1))])
                .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        for (login, role, territory) in [("anna", "rep", "North"), ("ben", "rep", "North"), ("carl", "rep", "South"), ("eva", "office", nil)] {
            var arguments = ["user", "add", "--login", login, "--name", login.capitalized, "--role", role, "--password-stdin"]
            if let territory { arguments += ["--territory", territory] }
            organization.users[login] = try await server.admin(arguments, input: SalesOrganization.password(login) + "\n").stdout
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return organization
    }

    static func client(_ login: String, on server: ServerProcess) async throws -> ClientProcess {
        let client = try ClientProcess()
        try await client.login(server, login, password: SalesOrganization.password(login))
        return client
    }
}
