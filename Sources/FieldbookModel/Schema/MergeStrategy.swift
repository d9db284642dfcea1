/// How concurrent edits of a field merge; determined by its ``FieldKind``.
public enum MergeStrategy: String, Hashable, Sendable, CaseIterable {
    /// One slot, last writer wins for display; concurrent different values
    /// stay as a conflict record until resolved.
    case register
    /// One slot per element; an add concurrent with a remove wins.
    case addWinsSet
    /// One presence slot per item plus position and member slots; concurrent
    /// inserts keep a stable order, a member edit keeps a concurrently removed item.
    case orderedList
}
