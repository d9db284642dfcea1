import FieldbookSync
import GRDB

/// Migration `outbox-v2`: the outbox keyed by its change's counter, with only
/// the index its queries need (appended after the other client migrations;
/// never edit it once shipped).
///
/// Every local write appends one outbox row, so each index on `outbox` is one
/// more B-tree write per edit. `core-v1` had four besides the table: the
/// `AUTOINCREMENT` bookkeeping row in `sqlite_sequence`, the `UNIQUE` index
/// of `dot`, `outbox_by_status` and `outbox_by_record`. Version 2 keeps only
/// `outbox_by_record` (the per-record "has pending changes" checks of a pull):
///
/// - `seq` is the counter of the change's dot. Every outbox change is a
///   change of this replica (the single local write path numbers them), so
///   the counter is unique and grows in commit order: it is the push order
///   `seq` had, makes the `UNIQUE` index on `dot` redundant, and lookups by
///   dot go through the primary key (`WHERE seq = ? AND dot = ?`).
/// - Status queries (pending first, in `seq` order; counts) scan the outbox
///   in key order, which only holds the changes not yet confirmed.
enum LeanOutbox {
    static let migrationName = "outbox-v2"

    /// The statement appending one change (its counter as `seq`).
    static let insertSQL = "INSERT INTO outbox (seq, dot, record_id, entity, change, created_at) VALUES (?, ?, ?, ?, ?, ?)"

    /// The condition selecting the entry of one dot through the primary key;
    /// takes two arguments, see ``arguments(for:)``.
    static let dotCondition = "seq = ? AND dot = ?"

    /// The arguments of ``dotCondition`` for `dot`.
    static func arguments(for dot: Dot) -> StatementArguments {
        [Int64(clamping: dot.counter), dot.description]
    }

    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE outbox_v2 (
                    seq INTEGER PRIMARY KEY NOT NULL,
                    dot TEXT NOT NULL,
                    record_id TEXT NOT NULL REFERENCES record(id),
                    entity TEXT NOT NULL,
                    change BLOB NOT NULL,
                    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'rejected')),
                    code TEXT,
                    reason TEXT,
                    created_at TEXT NOT NULL
                )
                """
        )
        let rows = try Row.fetchAll(db, sql: "SELECT seq, dot FROM outbox ORDER BY seq")
        let copy = try db.makeStatement(
            sql: """
                INSERT INTO outbox_v2 (seq, dot, record_id, entity, change, status, code, reason, created_at)
                SELECT ?, dot, record_id, entity, change, status, code, reason, created_at FROM outbox WHERE seq = ?
                """
        )
        for row in rows {
            let text: String = row["dot"]
            guard let dot = Dot(parsing: text) else {
                throw ClientError.corruptRecord(id: "outbox", reason: "outbox entry \(row["seq"] as Int64) has no valid dot")
            }
            try copy.execute(arguments: [Int64(clamping: dot.counter), row["seq"] as Int64])
        }
        try db.execute(
            sql: """
                DROP TABLE outbox;
                ALTER TABLE outbox_v2 RENAME TO outbox;
                CREATE INDEX outbox_by_record ON outbox(record_id);
                """
        )
    }
}
