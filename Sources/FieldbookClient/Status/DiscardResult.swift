import FieldbookSync

/// What discarding a rejected change did; see ``ClientDatabase/discardRejected(dot:)``.
public struct DiscardResult: Hashable, Sendable {
    /// The rejected change, now gone from the outbox.
    public var discarded: Change
    /// The compensating change written (and queued for sync), nil when none was needed.
    public var compensation: Change?
    /// Slots set back to what they held before the rejected change.
    public var restored: [Slot]
    /// Whether the rejected change had created the record, which was removed.
    public var removedRecord: Bool

    /// Creates a result.
    public init(discarded: Change, compensation: Change?, restored: [Slot], removedRecord: Bool) {
        self.discarded = discarded
        self.compensation = compensation
        self.restored = restored
        self.removedRecord = removedRecord
    }
}
