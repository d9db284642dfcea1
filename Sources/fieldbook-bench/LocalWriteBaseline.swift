import GRDBSQLite

/// The baseline: a table with one column per value, cached prepared
/// statements, explicit transactions — the fastest way to put the same data
/// in SQLite.
final class RawSQLite {
    private var connection: OpaquePointer?
    private var insert: OpaquePointer?
    private var update: OpaquePointer?

    init(path: String) throws {
        guard sqlite3_open_v2(path, &connection, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK else {
            throw BenchError("cannot open \(path)")
        }
        try execute("PRAGMA journal_mode = WAL")
        try execute("PRAGMA synchronous = FULL")
        try execute("CREATE TABLE account (id TEXT PRIMARY KEY, name TEXT, number TEXT, industry TEXT, phone TEXT, email TEXT)")
        guard sqlite3_prepare_v2(connection, "INSERT INTO account VALUES (?, ?, ?, ?, ?, ?)", -1, &insert, nil) == SQLITE_OK
        else { throw BenchError("cannot prepare insert") }
        guard sqlite3_prepare_v2(connection, "UPDATE account SET phone = ? WHERE id = ?", -1, &update, nil) == SQLITE_OK
        else { throw BenchError("cannot prepare update") }
    }

    deinit {
        sqlite3_finalize(insert)
        sqlite3_finalize(update)
        sqlite3_close(connection)
    }

    /// Sets the phone of rows `raw-<id>` in one transaction.
    func updatePhoneInTransaction(_ rows: [(id: Int, phone: String)]) throws {
        try execute("BEGIN")
        for (id, phone) in rows {
            sqlite3_bind_text(update, 1, phone, -1, transient)
            sqlite3_bind_text(update, 2, "raw-\(id)", -1, transient)
            guard sqlite3_step(update) == SQLITE_DONE else { throw BenchError("update failed") }
            sqlite3_reset(update)
        }
        try execute("COMMIT")
    }

    /// Inserts `rows` in one transaction.
    func insertInTransaction(_ rows: [[String]], firstID: Int) throws {
        try execute("BEGIN")
        for (offset, row) in rows.enumerated() {
            sqlite3_bind_text(insert, 1, "raw-\(firstID + offset)", -1, transient)
            for (column, value) in row.enumerated() {
                sqlite3_bind_text(insert, Int32(column + 2), value, -1, transient)
            }
            guard sqlite3_step(insert) == SQLITE_DONE else { throw BenchError("insert failed") }
            sqlite3_reset(insert)
        }
        try execute("COMMIT")
    }

    private func execute(_ sql: String) throws {
        guard sqlite3_exec(connection, sql, nil, nil, nil) == SQLITE_OK else { throw BenchError("failed: \(sql)") }
    }

    /// SQLITE_TRANSIENT: SQLite copies bound text.
    private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}

/// A benchmark that could not run.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
