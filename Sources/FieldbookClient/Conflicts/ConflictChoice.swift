import FieldbookSync

/// How to end an open conflict; see ``ClientDatabase/resolveConflict(id:choice:)``.
///
/// Every choice is written as an ordinary change that supersedes all the
/// entries in conflict, so the resolution syncs like any edit and ends the
/// conflict on every replica.
///
/// ```swift
/// let conflict = try database.conflicts()[0]
/// try database.resolveConflict(id: conflict.id, choice: .keep(conflict.others[0].entry.dot))
/// ```
public enum ConflictChoice: Hashable, Sendable {
    /// Keep the value written by the change with this dot: the current
    /// winner or one of the other sides. In a delete/edit conflict, keeping
    /// the delete's dot means ``keepDeleted`` and keeping an edit's dot
    /// means ``restore``.
    case keep(Dot)
    /// Replace the conflicting values with a new one (field conflicts only;
    /// not for the `@deleted` marker).
    case value(Value)
    /// Restore the deleted record with the concurrent edits (delete/edit
    /// conflicts, and field conflicts between a delete and a restore).
    case restore
    /// Delete the record again, this time covering the concurrent edits
    /// (delete/edit conflicts, and field conflicts between a delete and a restore).
    case keepDeleted
}
