import FieldbookModel
import FieldbookSync

/// Where this replica stands with the server: what waits to be pushed, what
/// the server refused, how many conflicts are open and when sync last ran.
///
/// ```swift
/// let status = try database.syncStatus()
/// if status.pendingCount > 0 { print("\(status.pendingCount) changes not yet synced") }
/// for entry in status.rejected { print(entry.change.dot, entry.code ?? "", entry.reason ?? "") }
/// ```
public struct SyncStatus: Hashable, Sendable {
    /// This replica's identity.
    public var replicaID: ReplicaID
    /// The schema version this client writes.
    public var schemaVersion: Int
    /// The SQLite file (GRDB's path; `:memory:` or empty for in-memory replicas).
    public var databasePath: String
    /// When the last sync finished (UTC), nil if it never did.
    public var lastSyncAt: UTCDateTime?
    /// Why the last sync failed, nil when it succeeded or never ran.
    public var lastSyncError: String?
    /// Whether a sync has ever stored a pull cursor.
    public var hasSynced: Bool
    /// Pending (unacknowledged) changes per entity.
    public var pendingByEntity: [String: Int]
    /// Changes the server refused, in the order they were made.
    public var rejected: [OutboxEntry]
    /// Open conflicts across all records.
    public var openConflicts: Int
    /// The server of the last sync session, nil before the first one.
    public var serverURL: String?
    /// Records the server evicted that stay on this device because local
    /// changes for them are rejected; they go once those are discarded.
    public var heldEvictions: Int

    /// Creates a status.
    public init(
        replicaID: ReplicaID, schemaVersion: Int, databasePath: String, lastSyncAt: UTCDateTime?,
        lastSyncError: String?, hasSynced: Bool, pendingByEntity: [String: Int], rejected: [OutboxEntry],
        openConflicts: Int, serverURL: String? = nil, heldEvictions: Int = 0
    ) {
        self.replicaID = replicaID
        self.schemaVersion = schemaVersion
        self.databasePath = databasePath
        self.lastSyncAt = lastSyncAt
        self.lastSyncError = lastSyncError
        self.hasSynced = hasSynced
        self.pendingByEntity = pendingByEntity
        self.rejected = rejected
        self.openConflicts = openConflicts
        self.serverURL = serverURL
        self.heldEvictions = heldEvictions
    }

    /// All pending changes.
    public var pendingCount: Int { pendingByEntity.values.reduce(0, +) }
}
