import FieldbookClient
import FieldbookModel
import FieldbookSync
import Foundation
import Testing

@Suite("fieldbook conflicts")
struct ConflictsCommandTests {
    /// Account acc-1 renamed here to "Local" while the office renamed it to
    /// "Office" a minute later; account acc-2 deleted at the office while its
    /// phone was edited here. Returns this device's dot for the rename.
    func twoConflicts(_ cli: CLIRunner) throws -> String {
        var server = Replica(id: ReplicaID(unchecked: "server"))
        try cli.withDatabase { database, clock in
            let created = ["acc-1": "Müller GmbH", "acc-2": "Bauer AG"].sorted { $0.key < $1.key }.compactMap { id, name in
                server.change("account", id, physical: clock.nowMillis() - 3_600_000) { $0.set("name", to: .text(name)) }
            }
            try database.applyRemote(created)
        }
        try cli.record("account", "edit", "acc-1", "--name", "Local")
        try cli.record("account", "edit", "acc-2", "--phone", "+49 711 1234")
        try cli.withDatabase { database, clock in
            let later = clock.nowMillis() + 60_000
            let rename = server.change("account", "acc-1", physical: later) { $0.set("name", to: "Office") }
            let delete = server.change("account", "acc-2", physical: later) { $0.delete() }
            try database.applyRemote([rename, delete].compactMap { $0 })
        }
        let local = try #require(try cli.record("status")["replica"] as? String)
        return local + ":1"
    }

    @Test func listShowsEverySideWithWriterAndLocalTime() throws {
        let cli = try CLIRunner()
        let localDot = try twoConflicts(cli)
        let conflicts = try #require(try cli.json("conflicts", "list") as? [[String: Any]])
        #expect(conflicts.map { $0["id"] as? String } == ["acc-1#name", "acc-2#@delete-edit"])
        let rename = conflicts[0]
        #expect(rename["kind"] as? String == "field")
        #expect(rename["entity"] as? String == "account" && rename["record"] as? String == "acc-1")
        let current = try #require(rename["current"] as? [String: Any])
        #expect(current["value"] as? String == "Office")
        #expect(current["replica"] as? String == "server")
        #expect(current["thisDevice"] as? Bool == false)
        #expect(current["time"] as? String == "2026-11-23T08:01:00Z")
        let others = try #require(rename["others"] as? [[String: Any]])
        #expect(others.map { $0["value"] as? String } == ["Local"])
        #expect(others.first?["dot"] as? String == localDot)
        #expect(others.first?["thisDevice"] as? Bool == true)
        #expect(conflicts[1]["kind"] as? String == "deleteEdit")

        let table = try cli.run("conflicts", "list")
        #expect(table.exitCode == 0)
        for text in ["acc-1#name", "* Office", "Local", "this device", "server", "2026-11-23 09:01", "(record)", "deleted", "phone"] {
            #expect(table.stdout.contains(text), "table lacks \(text)")
        }
        let shown = try cli.run("conflicts", "show", "acc-1#name")
        #expect(shown.stdout.contains("Office — by server at 2026-11-23 09:01"))
        #expect(shown.stdout.contains("--keep <dot> | --value <text>"))
        #expect(try cli.run("conflicts", "show", "acc-1#phone").exitCode == 3)
    }

    @Test func resolvingKeepsASideOrWritesANewValue() throws {
        let cli = try CLIRunner()
        let localDot = try twoConflicts(cli)
        let resolved = try cli.record("conflicts", "resolve", "acc-1#name", "--keep", localDot)
        #expect(resolved["resolved"] as? String == "acc-1#name")
        let record = try #require(resolved["record"] as? [String: Any])
        #expect(record["name"] as? String == "Local")
        #expect(record["conflicts"] as? Int == 0)
        #expect(try cli.stored("acc-1")?.value("name") == "Local")
        #expect((try cli.json("conflicts", "list") as? [[String: Any]])?.count == 1)
        #expect(try cli.run("conflicts", "resolve", "acc-1#name", "--keep", "current").exitCode == 3, "already resolved")

        let other = try CLIRunner()
        _ = try twoConflicts(other)
        let human = try other.run("conflicts", "resolve", "acc-1#name", "--value", "Müller & Söhne")
        #expect(human.exitCode == 0)
        #expect(human.stdout.contains("Resolved acc-1#name"))
        #expect(try other.stored("acc-1")?.value("name") == "Müller & Söhne")
    }

    @Test func deletedRecordsAreRestoredOrKeptDeleted() throws {
        let cli = try CLIRunner()
        _ = try twoConflicts(cli)
        #expect(try cli.run("account", "show", "acc-2").exitCode == 3, "deleted while the conflict is open")
        #expect(try cli.run("conflicts", "resolve", "acc-2#@delete-edit", "--value", "x").exitCode == 2)
        try cli.record("conflicts", "resolve", "acc-2#@delete-edit", "--restore")
        let restored = try #require(try cli.stored("acc-2"))
        #expect(!restored.isDeleted)
        #expect(restored.value("phone") == "+49 711 1234")
        #expect(try cli.run("account", "show", "acc-2").exitCode == 0)

        let other = try CLIRunner()
        _ = try twoConflicts(other)
        try other.record("conflicts", "resolve", "acc-2#@delete-edit", "--keep-deleted")
        #expect(try other.run("account", "show", "acc-2").exitCode == 3)
        #expect(try other.ids("account", "list") == ["acc-1"])
        #expect((try other.json("conflicts", "list") as? [[String: Any]])?.map { $0["id"] as? String } == ["acc-1#name"])
    }

    @Test func badResolutionsAreUsageErrors() throws {
        let cli = try CLIRunner()
        _ = try twoConflicts(cli)
        #expect(try cli.run("conflicts", "resolve", "acc-1#name").exitCode == 2, "no choice")
        #expect(try cli.run("conflicts", "resolve", "acc-1#name", "--restore", "--value", "x").exitCode == 2, "two choices")
        #expect(try cli.run("conflicts", "resolve", "acc-1#name", "--keep", "not a dot").exitCode == 2)
        #expect(try cli.run("conflicts", "resolve", "acc-1#name", "--keep", "elsewhere:7").exitCode == 2)
        #expect(try cli.run("conflicts", "resolve", "acc-1#name", "--restore").exitCode == 2)
        #expect(try cli.run("conflicts", "resolve", "acc-2#@delete-edit", "--keep", "mine").exitCode == 0)
        #expect(try cli.run("conflicts", "resolve", "nothing#name", "--keep", "current").exitCode == 3)
        let invalid = try cli.run("conflicts", "resolve", "acc-1#name", "--value", "")
        #expect(invalid.exitCode == 4, "name is required")
        #expect((try cli.json("conflicts", "list") as? [[String: Any]])?.count == 1, "only the delete/edit was resolved")
        #expect(try cli.run("account", "show", "acc-2").exitCode == 0, "keeping this device's edit restores the record")
    }
}
