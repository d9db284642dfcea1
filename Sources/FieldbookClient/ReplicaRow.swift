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
        let statement = try db.cachedStatement(
            sql: """
                SELECT replica_id, counter, clock, stable, cursor, last_sync_at, last_sync_error
                FROM replica WHERE singleton = 1
                """
        )
        guard let row = try Row.fetchOne(statement) else { return nil }
        // By position, in the order selected (every transaction reads this row).
        let idText: String = row[0]
        let counter: Int64 = row[1]
        let clockText: String = row[2]
        let stableText: String = row[3]
        guard let id = try? ReplicaID(idText), let clock = HybridTimestamp(parsing: clockText),
            let stable = decodeFrontier(stableText)
        else { throw ClientError.corruptRecord(id: "replica", reason: "replica row unreadable") }
        return ReplicaRow(
            replicaID: id, counter: UInt64(counter), clock: clock, stable: stable,
            cursor: row[4], lastSyncAt: row[5], lastSyncError: row[6]
        )
    }

    /// Saves counter and clock (the fields every local write advances).
    func saveClock(_ db: Database) throws {
        let statement = try db.cachedStatement(sql: "UPDATE replica SET counter = ?, clock = ? WHERE singleton = 1")
        try statement.execute(binding: [Int64(counter).databaseValue, Self.text(of: clock).databaseValue])
    }

    /// `clock.description` (16 lowercase hex digits), formatted without the
    /// intermediate strings `description` builds: every local write saves it.
    static func text(of clock: HybridTimestamp) -> String {
        let value = clock.millis << 16 | UInt64(clock.logical)
        let digits = Array("0123456789abcdef".utf8)
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<16 { bytes[index] = digits[Int(truncatingIfNeeded: value >> (60 - 4 * UInt64(index))) & 0xF] }
        let text = String(decoding: bytes, as: UTF8.self)
        assert(text == clock.description)
        return text
    }

    /// The stored frontier (JSON object of replica → counter); the empty
    /// frontier every replica starts with skips the JSON decoder.
    private static func decodeFrontier(_ text: String) -> VersionVector? {
        if text == "{}" { return VersionVector() }
        return try? JSONDecoder().decode(VersionVector.self, from: Data(text.utf8))
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
