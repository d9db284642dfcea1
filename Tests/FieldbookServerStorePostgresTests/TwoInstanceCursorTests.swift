import FieldbookServerCore
import FieldbookServerCoreTesting
import FieldbookServerStorePostgres
import FieldbookServerStorePostgresTesting
import FieldbookSync
import Logging
import PostgresNIO
import Testing

/// Two store instances (two connection pools, as two server processes would
/// have) on one schema: SYNC.md §11.4's visibility rule across instances.
@Suite("PostgreSQL store: two instances, one log", .enabled(if: PostgresTestDatabase.isEnabled, PostgresTestDatabase.skipNote))
struct TwoInstanceCursorTests {
    typealias F = Fixtures

    /// Instance A takes position p and stalls before COMMIT (a row lock held
    /// by a third connection stops it); instance B commits a later change
    /// meanwhile. Under scheme A, B waits for A: no reader sees p + 1 before
    /// p, and no cursor passes p while A may still commit.
    @Test func aStalledCommitHoldsBackLaterCommitsAndCursors() async throws {
        try await PostgresTestDatabase.withSchema(prefix: "two") { schema in
            let first = try await schema.connect()
            let second = try await schema.connect()
            let blocker = try await schema.connect(maximumConnections: 1)
            let monitor = try await schema.connect(maximumConnections: 1)
            defer { Task { await first.close(); await second.close(); await blocker.close(); await monitor.close() } }
            let storeA = try await PostgresServerStore(database: first)
            let storeB = try await PostgresServerStore(database: second)
            _ = try await StoreConformance.commit(F.account("acc-a", replica: F.anna, counter: 1, name: "A0"), to: storeA)
            let headBefore = try await storeB.logHead()

            try await blocker.client.withConnection { raw in
                let logger = blocker.logger
                try await raw.query("BEGIN", logger: logger)
                try await raw.query("SELECT 1 FROM record WHERE id = 'acc-a' FOR UPDATE", logger: logger)
                let rawPID = try await Self.backendPID(raw, logger: logger)

                // A: takes the next position, then waits for the row lock on acc-a.
                let stalled = F.change(record: "acc-a", replica: F.anna, counter: 2, [F.set("name", "A1")])
                let commitA = Task { try await StoreConformance.commit(stalled, to: storeA) }
                try await Self.waitUntil("A waits for the row lock") {
                    try await Self.blockedCount(by: rawPID, depth: 1, monitor) == 1
                }
                // B: a later transaction on another record; it must wait for A.
                let later = F.account("acc-b", replica: F.ben, counter: 1, name: "B0")
                let commitB = Task { try await StoreConformance.commit(later, to: storeB) }
                try await Self.waitUntil("B waits behind A") {
                    try await Self.blockedCount(by: rawPID, depth: 2, monitor) >= 1
                }
                // Readers on both instances: nothing after the head, and the cursor stays put.
                for store in [storeA, storeB] {
                    let slice = try await store.readLog(after: headBefore, limit: 10, excludingAuthor: nil)
                    #expect(slice.entries.isEmpty)
                    #expect(slice.scannedThrough == headBefore)
                    #expect(try await store.logHead() == headBefore)
                }
                try await raw.query("ROLLBACK", logger: logger)
                let positionA = try await commitA.value
                let positionB = try await commitB.value
                #expect(positionA == LogPosition(rawValue: headBefore.rawValue + 1))
                #expect(positionB == LogPosition(rawValue: headBefore.rawValue + 2), "commit order is position order")
            }
            let slice = try await storeB.readLog(after: headBefore, limit: 10, excludingAuthor: nil)
            #expect(slice.entries.map(\.change.record) == ["acc-a", "acc-b"])
        }
    }

    /// Writers on both instances and readers paging on both: every reader
    /// sees every change exactly once, in position order.
    @Test func concurrentWritersOnTwoInstancesNeverLetAReaderSkip() async throws {
        try await PostgresTestDatabase.withSchema(prefix: "two") { schema in
            let first = try await schema.connect()
            let second = try await schema.connect()
            defer { Task { await first.close(); await second.close() } }
            let stores = [try await PostgresServerStore(database: first), try await PostgresServerStore(database: second)]
            let writers = [F.anna, F.ben, F.office, ReplicaID(unchecked: "desk-4")]
            let perWriter = 20
            let total = writers.count * perWriter
            let views = try await withThrowingTaskGroup(of: [LogEntry]?.self) { group in
                for (index, writer) in writers.enumerated() {
                    group.addTask {
                        for counter in 1...perWriter {
                            let store = stores[(index + counter) % 2]
                            let change = F.account("acc-\(writer)-\(counter % 3)", replica: writer, counter: UInt64(counter), name: "v\(counter)")
                            _ = try await StoreConformance.commit(change, to: store)
                        }
                        return nil
                    }
                }
                for reader in 0..<2 {
                    group.addTask {
                        var seen: [LogEntry] = []
                        var cursor = LogPosition.start
                        var reads = 0
                        while seen.count < total {
                            reads += 1
                            guard reads < 200_000 else { throw StoreCheckFailure("reader \(reader) stalled at \(seen.count)") }
                            let slice = try await stores[(reader + reads) % 2].readLog(after: cursor, limit: 1 + reads % 3, excludingAuthor: nil)
                            seen += slice.entries
                            cursor = slice.scannedThrough
                        }
                        return seen
                    }
                }
                var views: [[LogEntry]] = []
                for try await seen in group { if let seen { views.append(seen) } }
                return views
            }
            let log = try await stores[0].readLog(after: .start, limit: total + 1, excludingAuthor: nil).entries
            #expect(log.count == total)
            #expect(log.map(\.position.rawValue) == Array(1...UInt64(total)), "positions are dense")
            for seen in views { #expect(seen == log, "every change exactly once, in position order") }
        }
    }

    // MARK: Helpers

    static func backendPID(_ connection: PostgresConnection, logger: Logger) async throws -> Int32 {
        for try await pid in try await connection.query("SELECT pg_backend_pid()", logger: logger).decode(Int32.self) { return pid }
        throw StoreCheckFailure("no backend pid")
    }

    /// Sessions waiting (directly, or behind one that waits) on `pid`'s locks. Asked in a
    /// fresh transaction each time: activity statistics are a snapshot per transaction.
    static func blockedCount(by pid: Int32, depth: Int, _ monitor: PostgresPool) async throws -> Int {
        let sql: PostgresQuery =
            depth == 1
            ? "SELECT count(*)::int8 FROM pg_stat_activity WHERE \(pid) = ANY(pg_blocking_pids(pid))"
            : """
            SELECT count(*)::int8 FROM pg_stat_activity s WHERE EXISTS (
                SELECT 1 FROM pg_stat_activity a WHERE \(pid) = ANY(pg_blocking_pids(a.pid)) AND a.pid = ANY(pg_blocking_pids(s.pid))
            )
            """
        return try await monitor.transaction { connection in
            for try await count in try await connection.query(sql, logger: monitor.logger).decode(Int64.self) { return Int(count) }
            return 0
        }
    }

    /// Polls `condition` (suspending between tries, never blocking a thread) for up to 20 s.
    static func waitUntil(_ what: String, _ condition: () async throws -> Bool) async throws {
        for _ in 0..<400 {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw StoreCheckFailure("timed out: \(what)")
    }
}
