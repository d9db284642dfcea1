import FieldbookClient
import FieldbookModel
import FieldbookSync
import Foundation
import GRDB
import Testing

@Suite("fieldbook status")
struct StatusCommandTests {
    /// Marks the outbox entry `dot` rejected, as a push answered by the server would.
    func reject(_ dot: String, in cli: CLIRunner, reason: String = "a rep may not delete accounts") throws {
        try cli.withDatabase { database, _ in
            try database.writer.write { db in
                try db.execute(
                    sql: "UPDATE outbox SET status = 'rejected', code = 'forbidden', reason = ? WHERE dot = ?",
                    arguments: [reason, dot]
                )
            }
        }
    }

    /// Account acc-1 as received from the server.
    func serverAccount(_ cli: CLIRunner) throws {
        try cli.withDatabase { database, clock in
            var server = Replica(id: ReplicaID(unchecked: "server"))
            let change = server.change("account", "acc-1", physical: clock.nowMillis() - 60_000) { change in
                change.set("name", to: "Müller GmbH")
            }
            try database.applyRemote([change].compactMap { $0 })
        }
    }

    @Test func aFreshDeviceReportsItsIdentityAndNothingPending() throws {
        let cli = try CLIRunner()
        let status = try cli.record("status")
        #expect(Set(status.keys) == [
            "replica", "dataDirectory", "schemaVersion", "lastSyncAt", "lastSyncError", "pending", "pendingByEntity",
            "conflicts", "rejected", "server", "signedInAs", "heldEvictions",
        ])
        #expect((status["replica"] as? String)?.hasPrefix("c-") == true)
        #expect(status["dataDirectory"] as? String == cli.home)
        #expect(status["schemaVersion"] as? Int == SchemaRegistry.standard.version)
        #expect(status["pending"] as? Int == 0)
        #expect(status["lastSyncAt"] is NSNull && status["lastSyncError"] is NSNull)
        #expect(try cli.record("status", "show")["replica"] as? String == status["replica"] as? String)
        let human = try cli.run("status")
        #expect(human.stdout.contains("Last sync:        never"))
        #expect(human.stdout.contains("Data directory:   \(cli.home)"))
    }

    @Test func pendingRejectedAndLastSyncAreShown() throws {
        let cli = try CLIRunner()
        try serverAccount(cli)
        try cli.record("account", "edit", "acc-1", "--phone", "+49 711 1")
        try cli.record("contact", "add", "--account", "acc-1", "--last-name", "Schmidt")
        try cli.run("account", "delete", "acc-1")
        let replica = try #require(try cli.record("status")["replica"] as? String)
        try reject("\(replica):3", in: cli)
        try cli.withDatabase { database, _ in
            try database.writer.write { db in
                try db.execute(
                    sql: "UPDATE replica SET last_sync_at = '2026-11-23T07:30:00Z', last_sync_error = 'server unreachable'"
                )
            }
        }

        let status = try cli.record("status")
        #expect(status["pending"] as? Int == 2)
        #expect(status["pendingByEntity"] as? [String: Int] == ["account": 1, "contact": 1])
        #expect(status["lastSyncAt"] as? String == "2026-11-23T07:30:00Z")
        #expect(status["lastSyncError"] as? String == "server unreachable")
        let rejected = try #require(status["rejected"] as? [[String: Any]])
        #expect(rejected.count == 1)
        #expect(rejected.first?["dot"] as? String == "\(replica):3")
        #expect(rejected.first?["record"] as? String == "acc-1")
        #expect(rejected.first?["fields"] as? [String] == ["deleted"])
        #expect(rejected.first?["code"] as? String == "forbidden")
        #expect(rejected.first?["reason"] as? String == "a rep may not delete accounts")

        let human = try cli.run("status").stdout
        for text in [
            "Pending changes:  2 (account 1, contact 1)", "Last sync:        2026-11-23 08:30", "server unreachable",
            "\(replica):3", "a rep may not delete accounts", "fieldbook status discard",
        ] {
            #expect(human.contains(text), "status lacks \(text)")
        }
    }

    @Test func discardingARejectedDeleteBringsTheRecordBack() throws {
        let cli = try CLIRunner()
        try serverAccount(cli)
        try cli.run("account", "delete", "acc-1")
        let replica = try #require(try cli.record("status")["replica"] as? String)
        #expect(try cli.run("status", "discard", "\(replica):1").exitCode == 1, "still pending: not discardable")
        try reject("\(replica):1", in: cli)
        #expect(try cli.run("account", "show", "acc-1").exitCode == 3, "the rejected delete is still applied")

        let discarded = try #require(try cli.json("status", "discard", "\(replica):1") as? [[String: Any]])
        #expect(discarded.first?["restored"] as? [String] == ["deleted"])
        #expect(discarded.first?["removedRecord"] as? Bool == false)
        #expect(discarded.first?["compensation"] as? String == "\(replica):2")
        #expect(try cli.run("account", "show", "acc-1").exitCode == 0)
        let status = try cli.record("status")
        #expect((status["rejected"] as? [Any])?.isEmpty == true)
        #expect(status["pending"] as? Int == 1, "the compensating change syncs")
        #expect(try cli.run("status", "discard", "\(replica):1").exitCode == 3, "already gone")
    }

    @Test func discardAllAndTheFixFirstRule() throws {
        let cli = try CLIRunner()
        try serverAccount(cli)
        try cli.record("account", "edit", "acc-1", "--name", "Müller KG")
        let contact = try #require(try cli.record("contact", "add", "--account", "acc-1", "--last-name", "Schmidt")["id"] as? String)
        let replica = try #require(try cli.record("status")["replica"] as? String)
        try reject("\(replica):1", in: cli)
        try reject("\(replica):2", in: cli)

        let blocked = try cli.run("status", "discard", "--all")
        #expect(blocked.exitCode == 1)
        #expect(blocked.stdout.contains("Discarded \(replica):2 (contact \(contact)): removed the contact"))
        #expect(blocked.stderr.contains("account acc-1 (name)"))
        #expect(!blocked.stderr.contains("Müller"), "no customer data in errors")
        #expect(try cli.stored(contact) == nil)

        try cli.record("account", "edit", "acc-1", "--name", "Müller GmbH & Co. KG")
        let human = try cli.run("status", "discard", "\(replica):1")
        #expect(human.exitCode == 0)
        #expect(human.stdout.contains("later edits stand"))
        #expect(try cli.stored("acc-1")?.value("name") == "Müller GmbH & Co. KG")
        #expect(try cli.run("status", "discard").exitCode == 2)
        #expect(try cli.run("status", "discard", "nonsense").exitCode == 2)
    }
}
