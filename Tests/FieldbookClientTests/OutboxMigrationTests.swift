@testable import FieldbookClient
import FieldbookModel
import FieldbookProtocol
import FieldbookSync
import Foundation
import GRDB
import Testing

/// Migration `outbox-v2`: existing outbox entries move to the lean table
/// keyed by their change counter, and the write path uses it.
@Suite struct OutboxMigrationTests {
    /// A database at the layout before `outbox-v2` (`core-v1` … `sync-v1`)
    /// with three local changes in the old outbox, stored under sequence
    /// numbers that differ from their counters (10, 11, 12); the last rejected.
    private func oldLayout() throws -> (queue: DatabaseQueue, dots: [Dot]) {
        let queue = try DatabaseQueue()
        try ClientMigrations(registry: .standard).migrator.migrate(queue, upTo: SyncTables.migrationName)
        let replicaID = ReplicaID(unchecked: "c-old-layout")
        var replica = Replica(id: replicaID)
        var dots: [Dot] = []
        try queue.write { db in
            try db.execute(
                sql: "INSERT INTO replica (singleton, replica_id, counter, clock, schema_version) VALUES (1, ?, 3, ?, ?)",
                arguments: [replicaID.rawValue, HybridTimestamp.zero.description, SchemaRegistry.standard.version]
            )
            for (offset, name) in ["Alpha", "Beta", "Gamma"].enumerated() {
                let id = "acc-\(offset)"
                let change = try #require(
                    replica.change("account", id, physical: 1_750_000_000_000 + UInt64(offset)) { $0.set("name", to: .text(name)) }
                )
                let state = try #require(replica.records[id])
                try RecordRow.save(state, registry: .standard, now: "2026-01-01T00:00:00Z", in: db)
                try db.execute(
                    sql: """
                        INSERT INTO outbox (seq, dot, record_id, entity, change, status, code, reason, created_at)
                        VALUES (?, ?, ?, 'account', ?, ?, ?, ?, '2026-01-01T00:00:00Z')
                        """,
                    arguments: [
                        10 + offset, change.dot.description, id, Data(StorageCodec.encode(change)),
                        offset == 2 ? "rejected" : "pending", offset == 2 ? "forbidden" : nil,
                        offset == 2 ? "not allowed" : nil,
                    ]
                )
                dots.append(change.dot)
            }
        }
        return (queue, dots)
    }

    @Test func existingEntriesMoveUnderTheirCounters() throws {
        let (queue, dots) = try oldLayout()
        let database = try ClientDatabase(writer: queue, clock: ManualClock(millis: 1_760_000_000_000))
        let entries = try database.outbox()
        #expect(entries.map(\.change.dot) == dots)
        #expect(entries.map(\.sequence) == [1, 2, 3])
        #expect(entries.map(\.status) == [.pending, .pending, .rejected])
        #expect(entries.last?.code == "forbidden")
        #expect(entries.last?.reason == "not allowed")
        let indexes = try database.read { db in
            try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox' ORDER BY name"
            )
        }
        #expect(indexes == ["outbox_by_record"])
        let problems = try database.read { db in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count }
        #expect(problems == 0)
    }

    @Test func newChangesFollowAndPushResultsFindTheirEntries() throws {
        let (queue, dots) = try oldLayout()
        let database = try ClientDatabase(writer: queue, clock: ManualClock(millis: 1_760_000_000_000))
        try database.edit("account", "acc-0") { $0.set("name", to: .text("Alpha 2")) }
        let fourth = try #require(try database.outbox().last)
        #expect(fourth.sequence == 4)
        #expect(fourth.change.dot.counter == 4)

        // Accept the first and the new change, reject the second: found by dot through the key.
        let tally = try database.recordPushResults(
            [
                ChangeResult(dot: dots[0], status: .accepted),
                ChangeResult(dot: fourth.change.dot, status: .accepted),
                ChangeResult(dot: dots[1], status: .rejected, code: .forbidden, reason: "no"),
            ],
            serverTime: HybridTimestamp(millis: 1_760_000_000_000, logical: 0)
        )
        #expect(tally.accepted == 2)
        #expect(tally.rejected == 1)
        let left = try database.outbox()
        #expect(left.map(\.change.dot) == [dots[1], dots[2]])
        #expect(left.map(\.status) == [.rejected, .rejected])

        // A dot with the right counter but another replica is not this outbox's entry.
        let stranger = Dot(replica: ReplicaID(unchecked: "c-stranger"), counter: dots[2].counter)
        _ = try database.recordPushResults(
            [ChangeResult(dot: stranger, status: .accepted)], serverTime: HybridTimestamp(millis: 1_760_000_000_000, logical: 0)
        )
        #expect(try database.outbox().count == 2)
    }
}
