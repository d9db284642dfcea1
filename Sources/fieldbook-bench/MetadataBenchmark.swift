import FieldbookClient
import FieldbookProtocol
import FieldbookSync
import Foundation
import GRDB

/// Figure 6: change-tracking metadata on disk in a client replica, per byte
/// of data.
///
/// A rep's scope of `records` records (accounts, contacts, calls with real
/// CRM field sizes) is downloaded from an in-process server by a
/// file-backed ``ClientDatabase`` and ``SyncEngine``; then the rep edits
/// `edits` accounts' phone numbers and syncs them, so states carry a history.
/// The file is checkpointed and vacuumed, and SQLite's `dbstat` splits its
/// pages by table:
///
/// - *projection*: the `e_<entity>` tables and their indexes — the data as a
///   plain, non-syncing app would store and query it;
/// - *states*: the `record` table and its indexes — every record's full
///   state: values plus dots, superseded dots, HLC times, slot names;
/// - *bookkeeping*: outbox, replica row (clock, cursor, frontier), sync tables.
///
/// Data = the bare field values plus record IDs (``BareValues``). Metadata =
/// states + bookkeeping − one copy of the data (the states hold the values
/// once). The figure is metadata ÷ data; target ≤ 1.0.
struct MetadataBenchmark {
    let options: MetadataOptions

    func run() async throws -> MetadataReport {
        let environment = try ServerBenchEnvironment()
        var report = MetadataReport(options: options)
        do {
            let territory = try await environment.addTerritory("Nord")
            try await environment.addUser("rep-nord", role: "rep", territories: [territory])
            _ = try await environment.seed(count: options.records, pipelined: min(1000, options.records)) { _ in territory }
            try await environment.start()
            let work = environment.directory.appendingPathComponent("bench")
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
            let path = work.appendingPathComponent("replica.sqlite").path
            try await syncAndEdit(path: path, server: environment.baseURL, report: &report)
            try measure(path: path, report: &report)
        } catch {
            await environment.shutDown()
            throw error
        }
        await environment.shutDown()
        return report
    }

    /// Downloads the scope, edits and pushes, and counts the bare data; the
    /// database is closed on return.
    private func syncAndEdit(path: String, server: URL, report: inout MetadataReport) async throws {
        let database = try ClientDatabase.open(at: path)
        let session = try await URLSessionSyncTransport.login(
            server: server,
            request: LoginRequest(
                login: "rep-nord", password: ServerBenchEnvironment.password, deviceName: "bench metadata",
                replica: database.replicaID
            )
        )
        let engine = SyncEngine(database: database, transport: URLSessionSyncTransport(baseURL: server, token: session.token))
        report.downloaded = try await engine.sync().snapshots
        let groups = max(1, options.records / SeedRecords.groupSize)
        for edit in 0..<options.edits {
            try database.edit("account", SeedRecords.accountID(edit % groups)) {
                $0.set("phone", to: .text("+49 711 \(5_000_000 + edit)"))
            }
        }
        let pushed = try await engine.sync()
        guard pushed.accepted == options.edits else { throw BenchError("edits not accepted: \(pushed)") }
        for entity in ["account", "contact", "activity"] {
            for state in try database.records(entity) {
                report.records += 1
                report.bareBytes += BareValues.count(of: state)
            }
        }
    }

    /// Checkpoints, vacuums and splits the file's pages by table with `dbstat`.
    private func measure(path: String, report: inout MetadataReport) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            try db.execute(sql: "VACUUM")
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
        try queue.read { db in
            let owners = try Dictionary(
                Row.fetchAll(db, sql: "SELECT name, tbl_name FROM sqlite_schema").map { ($0["name"] as String, $0["tbl_name"] as String) }
            ) { first, _ in first }
            for row in try Row.fetchAll(db, sql: "SELECT name, SUM(pgsize) AS bytes, SUM(payload) AS payload FROM dbstat GROUP BY name") {
                let name: String = row["name"]
                let bytes: Int = row["bytes"]
                let table = owners[name] ?? name
                if table.hasPrefix("e_") {
                    report.projectionBytes += bytes
                } else if table == "record" {
                    report.stateBytes += bytes
                    if name == "record" { report.statePayload = row["payload"] }
                } else {
                    report.bookkeepingBytes += bytes
                }
            }
        }
        try queue.close()
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        report.fileBytes = (attributes[.size] as? NSNumber)?.intValue ?? 0
    }
}
