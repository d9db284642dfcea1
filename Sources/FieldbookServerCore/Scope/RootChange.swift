import FieldbookProtocol

/// A record whose effective root changed at a log position: the store's
/// record of scope membership over log positions (SYNC.md §11.5). A pull
/// turns it into a snapshot (the record is in the caller's scope now) or
/// an eviction (it is not).
public struct RootChange: Hashable, Sendable {
    /// The position of the change that moved the record (for a record that
    /// followed its parent, the parent's change).
    public var position: LogPosition
    /// The record moved.
    public var record: RecordRef
    /// The root before.
    public var from: ScopeRoot
    /// The root after.
    public var to: ScopeRoot

    /// Creates a root change.
    public init(position: LogPosition, record: RecordRef, from: ScopeRoot, to: ScopeRoot) {
        self.position = position
        self.record = record
        self.from = from
        self.to = to
    }

    /// Order: by position, then record ID bytewise.
    public static func precedes(_ lhs: RootChange, _ rhs: RootChange) -> Bool {
        lhs.position != rhs.position
            ? lhs.position < rhs.position : lhs.record.id.utf8.lexicographicallyPrecedes(rhs.record.id.utf8)
    }
}

/// A live record with its effective root, read in one transaction.
public struct ScopedRecord: Hashable, Sendable {
    /// The record.
    public var record: StoredRecord
    /// Its effective root.
    public var root: ScopeRoot

    /// Creates a scoped record.
    public init(record: StoredRecord, root: ScopeRoot) {
        self.record = record
        self.root = root
    }
}
