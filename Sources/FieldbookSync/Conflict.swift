/// A visible disagreement inside a record, derived from its state.
///
/// Conflicts are not stored separately: they are the concurrent entries the
/// registers keep, so they sync with the record and look the same on every
/// replica. A conflict ends when a change supersedes the disagreeing entries
/// (see ``ChangeBuilder/resolve(_:with:)`` and ``ChangeBuilder/restore()``).
public struct Conflict: Hashable, Sendable, Codable, Identifiable {
    /// What disagrees.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// Concurrent writes of different values to one slot.
        case field
        /// The record was deleted while someone edited it.
        case deleteEdit
    }

    /// One side of a conflict: an entry and the slot holding it.
    public struct Side: Hashable, Sendable, Codable {
        /// The slot holding the entry.
        public var slot: Slot
        /// The entry: value, dot (who/which device) and time.
        public var entry: Entry

        /// Creates a side.
        public init(slot: Slot, entry: Entry) {
            self.slot = slot
            self.entry = entry
        }
    }

    /// Stable identity: `"<record>#<slot>"` for field conflicts and
    /// `"<record>#@delete-edit"` for delete/edit conflicts (`-` never occurs
    /// in a slot name, so the two can coexist on `@deleted`).
    public var id: String { record + "#" + (kind == .field ? slot.path : "@delete-edit") }
    /// Entity of the record.
    public var entity: String
    /// The record in conflict.
    public var record: String
    /// Kind of conflict.
    public var kind: Kind
    /// The slot in conflict (`@deleted` for delete/edit conflicts).
    public var slot: Slot
    /// The entry currently shown: the deterministic winner (or the delete).
    public var winner: Entry
    /// The entries that lost (field) or were edited concurrently with the delete.
    public var others: [Side]

    /// Creates a conflict.
    public init(entity: String, record: String, kind: Kind, slot: Slot, winner: Entry, others: [Side]) {
        self.entity = entity
        self.record = record
        self.kind = kind
        self.slot = slot
        self.winner = winner
        self.others = others
    }
}
