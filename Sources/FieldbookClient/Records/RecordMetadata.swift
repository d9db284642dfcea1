import FieldbookSync

/// What the replica knows about a typed record beyond its field values:
/// whether it is deleted or in conflict, and the values it was read with.
///
/// The values read are the base of the next save: ``ClientDatabase/save(_:)``
/// writes only the fields whose value differs from them, so a save never
/// touches a field the user did not change — not even one another device
/// changed after the record was read. A value you build yourself has no
/// such base; saving it over an existing record writes every field where it
/// differs from the stored record (it replaces the record).
///
/// Equality and hashing consider ``isDeleted`` and ``hasConflicts`` only:
/// two records with the same values are equal whatever they were read from.
public struct RecordMetadata: Hashable, Sendable {
    /// Whether the record is deleted (a tombstone that can be restored).
    public internal(set) var isDeleted: Bool
    /// Whether the record holds an open conflict (see ``ClientDatabase/conflicts()``).
    public internal(set) var hasConflicts: Bool
    /// The record as read from the replica (its own `original` empty), nil
    /// for a value built in code.
    var original: (any EntityRecord)?
    /// The replicated state the record was read from: a save overwrites only
    /// the entries seen in it, so values synced in after the read conflict
    /// with the edit instead of being overwritten unseen.
    var seenState: RecordState?

    /// Metadata of a record built in code: not deleted, no conflicts, no base.
    public init() {
        isDeleted = false
        hasConflicts = false
        original = nil
        seenState = nil
    }

    /// Metadata of a record read from `state`, with `original` as its base.
    init(state: RecordState, original: (any EntityRecord)?) {
        isDeleted = state.isDeleted
        hasConflicts = state.openConflictCount > 0
        self.original = original
        self.seenState = state
    }

    public static func == (lhs: RecordMetadata, rhs: RecordMetadata) -> Bool {
        lhs.isDeleted == rhs.isDeleted && lhs.hasConflicts == rhs.hasConflicts
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(isDeleted)
        hasher.combine(hasConflicts)
    }
}
