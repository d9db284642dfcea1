import FieldbookClient
import FieldbookSync
import Foundation
import GRDBSQLite

/// Local write latency and batched write rate of the client core, next to
/// raw prepared SQLite inserts of the same values measured in the same run.
///
/// Both sides write files in WAL mode with `synchronous=FULL` (a write is
/// durable when it returns), in fresh temporary directories.
struct LocalWriteBenchmark {
    let options: LocalWriteOptions

    /// The five values written per record (a typical account: ~80 bytes).
    static func values(_ index: Int) -> [String] {
        ["Kunde \(index) GmbH & Co. KG", "K-\(100_000 + index)", "Maschinenbau", "+49 711 \(4_000_000 + index)",
         "info\(index)@kunde.example"]
    }

    static let fields = ["name", "number", "industry", "phone", "email"]

    func run() throws -> LocalWriteReport {
        let directory = NSTemporaryDirectory() + "fieldbook-bench-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }

        let raw = try RawSQLite(path: directory + "/raw.sqlite")
        let rawSingle = try (0..<options.writes).map { index in
            try measure { try raw.insertInTransaction([Self.values(index)], firstID: index) }
        }
        let rawBatch = try measure { try raw.insertInTransaction((0..<options.batch).map(Self.values), firstID: 1_000_000) }

        let database = try ClientDatabase.open(at: directory + "/client.sqlite")
        let clientSingle = try (0..<options.writes).map { index in
            try measure {
                try database.edit("account", "acc-\(index)") { change in
                    for (field, value) in zip(Self.fields, Self.values(index)) { change.set(field, to: .text(value)) }
                }
            }
        }
        let clientBatch = try measure {
            try database.write { transaction in
                for index in 0..<options.batch {
                    try transaction.edit("account", "batch-\(index)") { change in
                        for (field, value) in zip(Self.fields, Self.values(index)) { change.set(field, to: .text(value)) }
                    }
                }
            }
        }
        return LocalWriteReport(
            options: options, clientSingle: clientSingle.sorted(), rawSingle: rawSingle.sorted(),
            clientBatchSeconds: clientBatch, rawBatchSeconds: rawBatch
        )
    }

    /// Seconds `body` took.
    private func measure(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}

/// The baseline: a table with one column per value, a cached prepared
/// INSERT, explicit transactions — the fastest way to put the same data in SQLite.
final class RawSQLite {
    private var connection: OpaquePointer?
    private var insert: OpaquePointer?

    init(path: String) throws {
        guard sqlite3_open_v2(path, &connection, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK else {
            throw BenchError("cannot open \(path)")
        }
        try execute("PRAGMA journal_mode = WAL")
        try execute("PRAGMA synchronous = FULL")
        try execute("CREATE TABLE account (id TEXT PRIMARY KEY, name TEXT, number TEXT, industry TEXT, phone TEXT, email TEXT)")
        guard sqlite3_prepare_v2(connection, "INSERT INTO account VALUES (?, ?, ?, ?, ?, ?)", -1, &insert, nil) == SQLITE_OK
        else { throw BenchError("cannot prepare insert") }
    }

    deinit {
        sqlite3_finalize(insert)
        sqlite3_close(connection)
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
