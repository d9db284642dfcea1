import FieldbookSync

/// Everything the store writes, in one transaction, when a change is accepted
/// (SYNC.md §11.2 step 12): the merged record, the log entry, the decision
/// and the record's scope index entry (with the root changes it causes).
///
/// The store commits only if the dot is still undecided and is the replica's
/// next counter, and the record is still at ``expectedRevision``; otherwise
/// it throws the matching ``ServerStoreError`` and writes nothing.
public struct AcceptedCommit: Hashable, Sendable {
    /// The change accepted.
    public var change: Change
    /// Digest of the change's canonical encoding, kept with the decision.
    public var digest: ChangeDigest
    /// The record after merging ``change`` into the state at ``expectedRevision``.
    public var state: RecordState
    /// The revision the merge started from; nil when the record did not exist
    /// (then it must still not exist, and must not have been purged).
    public var expectedRevision: LogPosition?
    /// What to index for scoping (``ScopeFacts``); nil leaves the record
    /// out of the scope index (visible only to callers who see everything).
    public var scope: ScopeFacts?

    /// Creates a commit.
    public init(
        change: Change, digest: ChangeDigest, state: RecordState, expectedRevision: LogPosition?, scope: ScopeFacts? = nil
    ) {
        self.change = change
        self.digest = digest
        self.state = state
        self.expectedRevision = expectedRevision
        self.scope = scope
    }
}
