import GRDBSQLite

/// The SQL a client-core write executes, replayed with raw prepared
/// statements on a database with the client's own schema: the floor the
/// client core could reach with this schema if its Swift side cost nothing.
///
/// Per write, like `LocalTransaction.edit` on a new record: look up the
/// record, upsert its state blob, upsert its projection row, append the
/// outbox entry (keyed by the change counter); the replica counter and clock
/// once per transaction, like the client core. Blobs are the storage
/// encodings of a typical record state and change; settings match the
/// client's writer connection (WAL, `synchronous` as measured, foreign keys on).
final class ClientSQLFloor {
    private var connection: OpaquePointer?
    private var statements: [OpaquePointer?] = []
    private let projectionColumns: [String]

    /// Opens `path`, a database the client core has migrated (with no records yet).
    init(path: String, synchronous: Int) throws {
        var connection: OpaquePointer?
        guard sqlite3_open_v2(path, &connection, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK else {
            sqlite3_close(connection)
            throw BenchError("cannot open \(path)")
        }
        self.connection = connection
        projectionColumns = try Self.columns(of: "e_account", in: connection)
        try execute("PRAGMA journal_mode = WAL")
        try execute("PRAGMA synchronous = \(synchronous)")
        try execute("PRAGMA foreign_keys = ON")
        let quoted = projectionColumns.map { "\"\($0)\"" }
        let updates = quoted.dropFirst().map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        for sql in [
            "SELECT state FROM record WHERE id = ?",
            """
            INSERT INTO record (id, entity, state, deleted, conflicts, updated_at) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET state = excluded.state, deleted = excluded.deleted,
                conflicts = excluded.conflicts, updated_at = excluded.updated_at
            """,
            "INSERT INTO e_account (\(quoted.joined(separator: ", "))) VALUES ("
                + Array(repeating: "?", count: quoted.count).joined(separator: ", ")
                + ") ON CONFLICT(id) DO UPDATE SET \(updates)",
            "INSERT INTO outbox (seq, dot, record_id, entity, change, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            "UPDATE replica SET counter = ?, clock = ? WHERE singleton = 1",
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

    /// Writes `count` new records the way the client core does, in one transaction.
    func writeInTransaction(count: Int, fields: [String], values: (Int) -> [String], state: [UInt8], change: [UInt8]) throws {
        let now = "2025-01-01T00:00:00Z"
        let positions = fields.map { field in projectionColumns.firstIndex(of: field).map { Int32($0 + 1) } }
        try execute("BEGIN")
        for index in 0..<count {
            let id = "floor-\(index)"
            try step(0) { sqlite3_bind_text($0, 1, id, -1, transient) }
            try step(1) { statement in
                sqlite3_bind_text(statement, 1, id, -1, transient)
                sqlite3_bind_text(statement, 2, "account", -1, transient)
                state.withUnsafeBytes { _ = sqlite3_bind_blob(statement, 3, $0.baseAddress, Int32($0.count), transient) }
                sqlite3_bind_int64(statement, 4, 0)
                sqlite3_bind_int64(statement, 5, 0)
                sqlite3_bind_text(statement, 6, now, -1, transient)
            }
            try step(2) { statement in
                sqlite3_bind_text(statement, 1, id, -1, transient)
                sqlite3_bind_int64(statement, 2, 0)
                sqlite3_bind_int64(statement, 3, 0)
                sqlite3_bind_text(statement, 4, now, -1, transient)
                for (position, value) in zip(positions, values(index)) {
                    if let position { sqlite3_bind_text(statement, position, value, -1, transient) }
                }
            }
            try step(3) { statement in
                sqlite3_bind_int64(statement, 1, Int64(index + 1))
                sqlite3_bind_text(statement, 2, "floor:\(index + 1)", -1, transient)
                sqlite3_bind_text(statement, 3, id, -1, transient)
                sqlite3_bind_text(statement, 4, "account", -1, transient)
                change.withUnsafeBytes { _ = sqlite3_bind_blob(statement, 5, $0.baseAddress, Int32($0.count), transient) }
                sqlite3_bind_text(statement, 6, now, -1, transient)
            }
        }
        try step(4) { statement in
            sqlite3_bind_int64(statement, 1, Int64(count))
            sqlite3_bind_text(statement, 2, "0000000000000000", -1, transient)
        }
        try execute("COMMIT")
    }

    /// Binds, runs to completion and resets statement `index`.
    private func step(_ index: Int, _ bind: (OpaquePointer?) -> Void) throws {
        let statement = statements[index]
        sqlite3_clear_bindings(statement)
        bind(statement)
        var code = sqlite3_step(statement)
        while code == SQLITE_ROW { code = sqlite3_step(statement) }
        sqlite3_reset(statement)
        guard code == SQLITE_DONE else { throw BenchError("statement \(index) failed (\(code))") }
    }

    private func execute(_ sql: String) throws {
        guard sqlite3_exec(connection, sql, nil, nil, nil) == SQLITE_OK else { throw BenchError("failed: \(sql)") }
    }

    private static func columns(of table: String, in connection: OpaquePointer?) throws -> [String] {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(connection, "SELECT name FROM pragma_table_info('\(table)') ORDER BY cid", -1, &statement, nil)
            == SQLITE_OK
        else { throw BenchError("cannot read the columns of \(table)") }
        defer { sqlite3_finalize(statement) }
        var names: [String] = []
        while sqlite3_step(statement) == SQLITE_ROW { names.append(String(cString: sqlite3_column_text(statement, 0))) }
        return names
    }

    /// SQLITE_TRANSIENT: SQLite copies bound text and blobs.
    private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
