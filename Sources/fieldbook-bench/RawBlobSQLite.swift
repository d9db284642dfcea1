import GRDBSQLite

/// The baseline of the server benchmarks: rows `(id, entity, payload)` put
/// in a SQLite file (WAL, `synchronous=FULL`) with one cached prepared
/// statement — the fastest way to store the same bytes.
final class RawBlobSQLite {
    private var connection: OpaquePointer?
    private var insert: OpaquePointer?
    private var select: OpaquePointer?

    /// Creates the file `path` with the table.
    init(path: String) throws {
        guard sqlite3_open_v2(path, &connection, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK else {
            throw BenchError("cannot open \(path)")
        }
        try execute("PRAGMA journal_mode = WAL")
        try execute("PRAGMA synchronous = FULL")
        try execute("CREATE TABLE item (id TEXT PRIMARY KEY, entity TEXT NOT NULL, payload BLOB NOT NULL) WITHOUT ROWID")
        guard sqlite3_prepare_v2(connection, "INSERT OR REPLACE INTO item VALUES (?, ?, ?)", -1, &insert, nil) == SQLITE_OK,
            sqlite3_prepare_v2(connection, "SELECT payload FROM item WHERE id = ?", -1, &select, nil) == SQLITE_OK
        else { throw BenchError("cannot prepare the baseline statements") }
    }

    deinit {
        sqlite3_finalize(insert)
        sqlite3_finalize(select)
        sqlite3_close(connection)
    }

    /// Inserts `rows` in one transaction.
    func insertInTransaction(_ rows: [(id: String, entity: String, payload: [UInt8])]) throws {
        try execute("BEGIN")
        for row in rows { try insertRow(row.id, row.entity, row.payload) }
        try execute("COMMIT")
    }

    /// One row in its own transaction (autocommit), then reads it back: a durable write and a read.
    /// - Returns: the number of bytes read back.
    @discardableResult
    func writeThenRead(_ id: String, _ payload: [UInt8]) throws -> Int {
        try insertRow(id, "account", payload)
        sqlite3_bind_text(select, 1, id, -1, transient)
        defer { sqlite3_reset(select) }
        guard sqlite3_step(select) == SQLITE_ROW else { throw BenchError("read back failed") }
        return Int(sqlite3_column_bytes(select, 0))
    }

    private func insertRow(_ id: String, _ entity: String, _ payload: [UInt8]) throws {
        sqlite3_bind_text(insert, 1, id, -1, transient)
        sqlite3_bind_text(insert, 2, entity, -1, transient)
        payload.withUnsafeBytes { _ = sqlite3_bind_blob(insert, 3, $0.baseAddress, Int32($0.count), transient) }
        let code = sqlite3_step(insert)
        sqlite3_reset(insert)
        guard code == SQLITE_DONE else { throw BenchError("baseline insert failed (\(code))") }
    }

    private func execute(_ sql: String) throws {
        guard sqlite3_exec(connection, sql, nil, nil, nil) == SQLITE_OK else { throw BenchError("failed: \(sql)") }
    }

    /// SQLITE_TRANSIENT: SQLite copies bound text and blobs.
    private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
