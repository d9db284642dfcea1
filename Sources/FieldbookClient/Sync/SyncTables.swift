import GRDB

/// The client tables and columns the sync engine adds (migration `sync-v1`,
/// appended after the other client migrations; never edit it once shipped).
///
/// - `replica.server_url`: the server the replica last synced with.
/// - `replica.cursor_counter`: the replica's change counter when the page of
///   the stored `cursor` was applied (SYNC.md §11.8: that cursor may be
///   acknowledged once every change up to this counter has a push result).
/// - `replica.ack_cursor`: the latest cursor found acknowledgeable.
/// - `replica.resync`: 1 while a re-download (§9.5) is under way.
/// - `replica.confirmed_any`: 1 once the server confirmed a change of this
///   replica (from then on local changes may be missing from the outbox
///   because they are confirmed, even while no cursor is stored).
/// - `sync_hold`: records the server evicted that are kept because local
///   changes for them are pending or rejected; removed once none are left.
/// - `sync_resync_seen`: records delivered by the re-download under way;
///   records not among them are removed when it completes.
enum SyncTables {
    static let migrationName = "sync-v1"

    static func create(in db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE replica ADD COLUMN server_url TEXT;
                ALTER TABLE replica ADD COLUMN cursor_counter INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE replica ADD COLUMN ack_cursor TEXT;
                ALTER TABLE replica ADD COLUMN resync INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE replica ADD COLUMN confirmed_any INTEGER NOT NULL DEFAULT 0;
                CREATE TABLE sync_hold (
                    record_id TEXT PRIMARY KEY NOT NULL,
                    entity TEXT NOT NULL,
                    since TEXT NOT NULL
                );
                CREATE TABLE sync_resync_seen (record_id TEXT PRIMARY KEY NOT NULL);
                """
        )
    }
}
