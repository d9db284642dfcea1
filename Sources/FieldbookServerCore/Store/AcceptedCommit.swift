import FieldbookSync

/// Everything the store writes, in one transaction, when a change is accepted
/// (SYNC.md §11.2 step 12): the merged record, the log entry and the decision.
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

    /// Creates a commit.
    public init(change: Change, digest: ChangeDigest, state: RecordState, expectedRevision: LogPosition?) {
        self.change = change
        self.digest = digest
        self.state = state
        self.expectedRevision = expectedRevision
    }
}
