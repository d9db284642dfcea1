/// What merging one change into a record produced.
public struct MergeResult: Hashable, Sendable {
    /// The record after the merge.
    public var state: RecordState
    /// Slots whose register changed; empty when the change was a duplicate,
    /// already superseded, or below the stability frontier.
    public var changedSlots: [Slot]
    /// Every conflict open on the record after the merge.
    public var conflicts: [Conflict]

    /// Whether the change altered nothing.
    public var isNoOp: Bool { changedSlots.isEmpty }
}

extension RecordState {
    /// Merges `change` into a copy of this record and reports the outcome.
    ///
    /// ```swift
    /// let result = try record.merged(with: change)
    /// if !result.conflicts.isEmpty { inbox.show(result.conflicts) }
    /// ```
    /// - Throws: ``SyncError`` if the change belongs to another record or entity.
    public func merged(with change: Change, stable: VersionVector = VersionVector()) throws(SyncError)
        -> MergeResult
    {
        var state = self
        let changed = try state.apply(change, stable: stable)
        return MergeResult(state: state, changedSlots: changed, conflicts: state.conflicts)
    }
}
