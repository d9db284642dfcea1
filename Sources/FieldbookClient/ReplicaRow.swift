import FieldbookSync
import Foundation
import GRDB

/// The single row describing this replica: identity, change counter,
/// hybrid clock, stability frontier and sync position.
struct ReplicaRow: Sendable {
    var replicaID: ReplicaID
    var counter: UInt64
    var clock: HybridTimestamp
    var stable: VersionVector
    var cursor: String?
    var lastSyncAt: String?
    var lastSyncError: String?

    /// Loads the row, creating it (with a fresh random replica ID) on first use.
    static func fetchOrCreate(_ db: Database, schemaVersion: Int) throws -> ReplicaRow {
        if let row = try fetch(db) { return row }
        let id = try ReplicaID("c-" + UUID().uuidString.lowercased())
        try db.execute(
            sql: "INSERT INTO replica (singleton, replica_id, counter, clock, schema_version) VALUES (1, ?, 0, ?, ?)",
            arguments: [id.rawValue, HybridTimestamp.zero.description, schemaVersion]
        )
        return ReplicaRow(replicaID: id, counter: 0, clock: .zero, stable: VersionVector())
    }

    /// Loads the row, nil before the first `fetchOrCreate`.
    static func fetch(_ db: Database) throws -> ReplicaRow? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM replica WHERE singleton = 1") else { return nil }
        let idText: String = row["replica_id"]
        let clockText: String = row["clock"]
        let stableText: String = row["stable"]
        let counter: Int64 = row["counter"]
        guard let id = try? ReplicaID(idText), let clock = HybridTimestamp(parsing: clockText),
            let stable = try? JSONDecoder().decode(VersionVector.self, from: Data(stableText.utf8))
        else { throw ClientError.corruptRecord(id: "replica", reason: "replica row unreadable") }
        return ReplicaRow(
            replicaID: id, counter: UInt64(counter), clock: clock, stable: stable,
            cursor: row["cursor"], lastSyncAt: row["last_sync_at"], lastSyncError: row["last_sync_error"]
        )
    }

    /// Saves counter and clock (the fields every local write advances).
    func saveClock(_ db: Database) throws {
        try db.execute(
            sql: "UPDATE replica SET counter = ?, clock = ? WHERE singleton = 1",
            arguments: [Int64(counter), clock.description]
        )
    }

    /// Saves the sync position and frontier.
    func saveSyncState(_ db: Database) throws {
        let stableJSON = String(decoding: try JSONEncoder().encode(stable), as: UTF8.self)
        try db.execute(
            sql: """
                UPDATE replica SET clock = ?, stable = ?, cursor = ?, last_sync_at = ?, last_sync_error = ?
                WHERE singleton = 1
                """,
            arguments: [clock.description, stableJSON, cursor, lastSyncAt, lastSyncError]
        )
    }
}
