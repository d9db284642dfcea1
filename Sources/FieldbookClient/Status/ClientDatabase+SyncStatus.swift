import FieldbookModel
import FieldbookSync
import GRDB

extension ClientDatabase {
    /// The replica's sync status, read in one consistent snapshot.
    public func syncStatus() throws -> SyncStatus {
        try writer.read { db in try syncStatus(in: db) }
    }

    /// The replica's sync status (for use inside observations, so a status
    /// line can update live as edits and syncs commit).
    public func syncStatus(in db: Database) throws -> SyncStatus {
        guard let replica = try ReplicaRow.fetch(db) else {
            throw ClientError.corruptRecord(id: "replica", reason: "replica row missing")
        }
        var pending: [String: Int] = [:]
        let rows = try Row.fetchAll(
            db, sql: "SELECT entity, COUNT(*) AS count FROM outbox WHERE status = 'pending' GROUP BY entity"
        )
        for row in rows { pending[row["entity"]] = row["count"] }
        let conflicts = try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(conflicts), 0) FROM record") ?? 0
        let server = try String.fetchOne(db, sql: "SELECT server_url FROM replica WHERE singleton = 1")
        let held = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sync_hold") ?? 0
        return SyncStatus(
            replicaID: replica.replicaID, schemaVersion: registry.version, databasePath: writer.path,
            lastSyncAt: replica.lastSyncAt.flatMap(UTCDateTime.init(parsing:)), lastSyncError: replica.lastSyncError,
            hasSynced: replica.cursor != nil, pendingByEntity: pending,
            rejected: try OutboxEntry.fetchAll(status: .rejected, in: db), openConflicts: conflicts,
            serverURL: server, heldEvictions: held
        )
    }
}
