import FieldbookSync

/// One page of a pull: changes from the log, whole states of records that
/// entered the replica's scope, and records that left it.
///
/// A client applies a page atomically and stores ``cursor`` in the same
/// local transaction: first replaces its confirmed state of the records in
/// ``snapshots`` with them, then applies ``changes`` in order, then drops
/// ``evictions`` — after pushing any pending local change to an evicted
/// record. It pulls again while ``hasMore`` is true.
public struct PullResponse: Hashable, Sendable, Codable {
    /// Log changes in log order (causal order), at most one entry per dot.
    public var changes: [Change]
    /// Full states of records that entered the scope (or the whole scope when pulling without a cursor).
    public var snapshots: [RecordState]
    /// Records that left the scope; the client removes them once no local work is pending for them.
    public var evictions: [RecordRef]
    /// The position after this page; send it as the next request's `cursor`.
    public var cursor: PullCursor
    /// Whether more items were ready when this page was cut.
    public var hasMore: Bool
    /// The stability frontier: every change it covers has been applied by every active replica.
    public var stable: VersionVector
    /// The server's hybrid logical clock when it answered.
    public var serverTime: HybridTimestamp

    /// Creates a page.
    public init(
        changes: [Change] = [], snapshots: [RecordState] = [], evictions: [RecordRef] = [], cursor: PullCursor,
        hasMore: Bool, stable: VersionVector, serverTime: HybridTimestamp
    ) {
        self.changes = changes
        self.snapshots = snapshots
        self.evictions = evictions
        self.cursor = cursor
        self.hasMore = hasMore
        self.stable = stable
        self.serverTime = serverTime
    }

    /// Number of items in the page, as counted against the request's `limit`.
    public var itemCount: Int { changes.count + snapshots.count + evictions.count }
}
