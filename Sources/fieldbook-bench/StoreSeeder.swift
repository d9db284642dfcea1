import FieldbookServerCore
import FieldbookSync
import Foundation
import GRDBSQLite

/// Fills a server's SQLite sync store fast: writes, for each generated
/// record, exactly the rows `SQLiteServerStore.commitAccepted` writes for an
/// accepted change creating it (log entry, record, decision, scope index),
/// with raw prepared statements in transactions of 10,000 records.
///
/// This bypasses the push pipeline (validation, authorization, one
/// transaction per change): it is how the benchmarks get 1,000,000 records
/// into a store in seconds. The first records of every run are pushed
/// through the real pipeline first (see ``ServerBenchEnvironment``), so the
/// generated payloads are known to pass validation.
final class StoreSeeder {
    private var connection: OpaquePointer?
    private var statements: [OpaquePointer?] = []

    /// Opens the store file `path` (already migrated by `SQLiteServerStore`).
    init(path: String) throws {
        guard sqlite3_open_v2(path, &connection, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK else {
            throw BenchError("cannot open the store \(path)")
        }
        sqlite3_busy_timeout(connection, 10_000)
        try execute("PRAGMA synchronous = NORMAL")
        for sql in [
            "INSERT INTO change_log (seq, replica, counter, change) VALUES (?, ?, ?, ?)",
            "INSERT INTO record (id, entity, state, revision, purged) VALUES (?, ?, ?, ?, 0)",
            "INSERT INTO decision (replica, counter, accepted_seq, digest) VALUES (?, ?, ?, ?)",
            "INSERT INTO scope_key (key, record) VALUES (?, ?)",
            "INSERT INTO scope_entry (record, entity, base_root, parent, creator, root) VALUES (?, ?, ?, ?, ?, ?)",
        ] {
            var statement: OpaquePointer?
            guard sqlite3_prepare_v2(connection, sql, -1, &statement, nil) == SQLITE_OK else {
                throw BenchError("cannot prepare: \(sql)")
            }
            statements.append(statement)
        }
    }

    deinit {
        for statement in statements { sqlite3_finalize(statement) }
        sqlite3_close(connection)
    }

    /// Writes records `range` of ``SeedRecords`` as accepted changes of
    /// `replica` (counters continuing after `counterBefore`), created by `creator`.
    /// - Returns: the replica's last counter.
    func seed(
        _ range: Range<Int>, replica: ReplicaID, counterBefore: UInt64, creator: String,
        territory: @escaping (Int) -> String
    ) throws -> UInt64 {
        var seq = try integer("SELECT seq FROM log_head WHERE singleton = 1")
        var counter = counterBefore
        // Times in the past, one millisecond apart, ending before now: the server's clock stays ahead.
        let startMillis = UInt64(Date().timeIntervalSince1970 * 1000) - UInt64(range.count) - 60_000
        let rules = ScopeRules.standard
        var index = range.lowerBound
        while index < range.upperBound {
            let end = min(range.upperBound, index + 10_000)
            try execute("BEGIN IMMEDIATE")
            for recordIndex in index..<end {
                seq += 1
                counter += 1
                let dot = Dot(replica: replica, counter: counter)
                let time = HybridTimestamp(millis: startMillis + UInt64(recordIndex - range.lowerBound))
                let (change, state) = try SeedRecords.creation(recordIndex, dot: dot, time: time, territory: territory)
                let facts = rules.facts(for: state, creator: creator)
                try step(0) { s in
                    sqlite3_bind_int64(s, 1, seq)
                    self.bind(s, 2, replica.rawValue)
                    sqlite3_bind_int64(s, 3, Int64(counter))
                    self.bind(s, 4, StorageCodec.encode(change))
                }
                try step(1) { s in
                    self.bind(s, 1, state.id)
                    self.bind(s, 2, state.entity)
                    self.bind(s, 3, StorageCodec.encode(state))
                    sqlite3_bind_int64(s, 4, seq)
                }
                try step(2) { s in
                    self.bind(s, 1, replica.rawValue)
                    sqlite3_bind_int64(s, 2, Int64(counter))
                    sqlite3_bind_int64(s, 3, seq)
                    self.bind(s, 4, ChangeDigest(of: change).hex)
                }
                for key in facts.keys {
                    try step(3) { s in
                        self.bind(s, 1, key)
                        self.bind(s, 2, state.id)
                    }
                }
                // Seeded entities have no parent field (appointments etc. do): the root is their own.
                try step(4) { s in
                    self.bind(s, 1, state.id)
                    self.bind(s, 2, state.entity)
                    self.bind(s, 3, facts.root.rawValue)
                    if let parent = facts.parent { self.bind(s, 4, parent) } else { sqlite3_bind_null(s, 4) }
                    if let creator = facts.creator { self.bind(s, 5, creator) } else { sqlite3_bind_null(s, 5) }
                    self.bind(s, 6, facts.root.rawValue)
                }
            }
            try execute("UPDATE log_head SET seq = \(seq) WHERE singleton = 1")
            try execute(
                "INSERT INTO decided_counter (replica, counter) VALUES ('\(replica.rawValue)', \(counter)) "
                    + "ON CONFLICT (replica) DO UPDATE SET counter = excluded.counter"
            )
            try execute("COMMIT")
            index = end
        }
        try execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return counter
    }

    private func integer(_ sql: String) throws -> Int64 {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(connection, sql, -1, &statement, nil) == SQLITE_OK else { throw BenchError("cannot prepare: \(sql)") }
        defer { sqlite3_finalize(statement) }
        guard sqlite3_step(statement) == SQLITE_ROW else { throw BenchError("no row: \(sql)") }
        return sqlite3_column_int64(statement, 0)
    }

    private func bind(_ statement: OpaquePointer?, _ index: Int32, _ text: String) {
        sqlite3_bind_text(statement, index, text, -1, transient)
    }

    private func bind(_ statement: OpaquePointer?, _ index: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { _ = sqlite3_bind_blob(statement, index, $0.baseAddress, Int32($0.count), transient) }
    }

    private func step(_ index: Int, _ bind: (OpaquePointer?) -> Void) throws {
        let statement = statements[index]
        sqlite3_clear_bindings(statement)
        bind(statement)
        let code = sqlite3_step(statement)
        sqlite3_reset(statement)
        guard code == SQLITE_DONE else {
            throw BenchError("seeding statement \(index) failed (\(code)): \(String(cString: sqlite3_errmsg(connection)))")
        }
    }

    private func execute(_ sql: String) throws {
        guard sqlite3_exec(connection, sql, nil, nil, nil) == SQLITE_OK else {
            throw BenchError("failed: \(sql.prefix(80)): \(String(cString: sqlite3_errmsg(connection)))")
        }
    }

    /// SQLITE_TRANSIENT: SQLite copies bound text and blobs.
    private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
