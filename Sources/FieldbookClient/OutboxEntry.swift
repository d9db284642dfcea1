import FieldbookSync
import Foundation
import GRDB

/// A local change waiting for the server, or refused by it.
///
/// Stored in the `outbox` table, whose `change` column (BLOB) holds the
/// ``Change`` in the binary storage encoding of `StorageCodec` (format
/// version 1: the blob starts with `0x43 0x01`), not JSON; changes are
/// encoded as JSON only when pushed.
public struct OutboxEntry: Hashable, Sendable {
    /// Where the change stands.
    public enum Status: String, Hashable, Sendable, Codable {
        /// Not yet acknowledged by the server.
        case pending
        /// Refused by the server; stays until fixed or discarded.
        case rejected
    }

    /// Position in the outbox (push order): the counter of the change's dot
    /// (migration `outbox-v2`, see `LeanOutbox`).
    public var sequence: Int64
    /// The change.
    public var change: Change
    /// Pending or rejected.
    public var status: Status
    /// The server's machine-readable rejection code.
    public var code: String?
    /// The server's human-readable rejection reason.
    public var reason: String?
    /// When the change was made (UTC, ISO 8601).
    public var createdAt: String

    static func insert(_ change: Change, now: String, in db: Database) throws {
        try insert(change, now: now, with: db.cachedStatement(sql: LeanOutbox.insertSQL))
    }

    /// Appends `change` with `statement`, prepared from ``LeanOutbox/insertSQL``.
    static func insert(_ change: Change, now: String, with statement: Statement) throws {
        try statement.execute(binding: [
            Int64(clamping: change.dot.counter).databaseValue, change.dot.description.databaseValue, change.record.databaseValue, change.entity.databaseValue,
            Data(StorageCodec.encode(change)).databaseValue, now.databaseValue,
        ])
    }

    static func fetchAll(status: Status? = nil, in db: Database) throws -> [OutboxEntry] {
        let rows = try Row.fetchAll(
            db,
            sql: "SELECT * FROM outbox WHERE (?1 IS NULL OR status = ?1) ORDER BY seq",
            arguments: [status?.rawValue]
        )
        return try rows.map { row in
            let data: Data = row["change"]
            guard let change = try? data.withUnsafeBytes({ bytes in try StorageCodec.change(from: bytes) }),
                let status = Status(rawValue: row["status"])
            else { throw ClientError.corruptRecord(id: row["dot"], reason: "outbox entry unreadable") }
            return OutboxEntry(
                sequence: row["seq"], change: change, status: status, code: row["code"], reason: row["reason"],
                createdAt: row["created_at"]
            )
        }
    }
}
