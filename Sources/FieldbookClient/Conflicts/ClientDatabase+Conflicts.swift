import FieldbookModel
import FieldbookSync

extension ClientDatabase {
    /// The open conflict with `id` (`"<record>#<slot>"`, or
    /// `"<record>#@delete-edit"`), nil when there is none.
    public func conflict(id: String) throws -> Conflict? {
        guard let record = Self.recordID(ofConflict: id), let state = try self.record(record) else { return nil }
        return state.conflicts.first { $0.id == id }
    }

    /// Ends the open conflict `id` with a change that supersedes every
    /// entry in conflict, and returns the record afterwards.
    ///
    /// The change is an ordinary local write: validated (a resolution that
    /// breaks a workflow, e.g. reopening an opportunity another rep closed as
    /// won, is refused like any edit), queued in the outbox in the same
    /// transaction, and synced. Field conflicts are resolved with
    /// ``FieldbookSync/ChangeBuilder/resolve(_:with:)``; delete/edit conflicts
    /// with ``FieldbookSync/ChangeBuilder/restore()`` or a new
    /// ``FieldbookSync/ChangeBuilder/delete()`` that covers the edits.
    ///
    /// ```swift
    /// for conflict in try database.conflicts() where conflict.kind == .field {
    ///     try database.resolveConflict(id: conflict.id, choice: .keep(conflict.winner.dot))
    /// }
    /// ```
    /// - Throws: ``ConflictResolutionError`` when the conflict is not open or
    ///   the choice does not fit it; ``ClientError/validationFailed(entity:record:issues:)``.
    @discardableResult
    public func resolveConflict(id: String, choice: ConflictChoice) throws -> RecordState {
        guard let recordID = Self.recordID(ofConflict: id) else { throw ConflictResolutionError.notFound(id: id) }
        return try write { transaction in
            guard let state = try transaction.record(recordID),
                let conflict = state.conflicts.first(where: { $0.id == id })
            else { throw ConflictResolutionError.notFound(id: id) }
            return try transaction.edit(state.entity, recordID) { builder in
                try Self.resolve(conflict, with: choice, into: &builder)
            }
        }
    }

    /// The record part of a conflict ID (record IDs never contain `#`).
    static func recordID(ofConflict id: String) -> String? {
        guard let hash = id.firstIndex(of: "#"), hash != id.startIndex else { return nil }
        return String(id[..<hash])
    }

    /// Writes the operations that end `conflict` as `choice` says.
    static func resolve(
        _ conflict: Conflict, with choice: ConflictChoice, into builder: inout ChangeBuilder
    ) throws(ConflictResolutionError) {
        let onDeleted = conflict.slot == .deleted
        switch (conflict.kind, choice) {
        case (.field, .keep(let dot)):
            guard let entry = builder.state.register(conflict.slot).entries.first(where: { $0.dot == dot }) else {
                throw .unknownSide(conflict: conflict.id, dot: dot)
            }
            if onDeleted, entry.value == .bool(true) {
                builder.delete()
            } else if onDeleted {
                builder.restore()
            } else {
                builder.resolve(conflict.slot, with: entry.value)
            }
        case (.field, .value(let value)):
            guard !onDeleted else {
                throw .choiceDoesNotApply(conflict: conflict.id, reason: "choose restore or keep-deleted")
            }
            builder.resolve(conflict.slot, with: value)
        case (.field, .restore), (.deleteEdit, .restore):
            guard onDeleted else {
                throw .choiceDoesNotApply(conflict: conflict.id, reason: "restore applies to deleted records only")
            }
            builder.restore()
        case (.field, .keepDeleted), (.deleteEdit, .keepDeleted):
            guard onDeleted else {
                throw .choiceDoesNotApply(conflict: conflict.id, reason: "keep-deleted applies to deleted records only")
            }
            builder.delete()
        case (.deleteEdit, .keep(let dot)):
            if dot == conflict.winner.dot {
                builder.delete()
            } else if conflict.others.contains(where: { $0.entry.dot == dot }) {
                builder.restore()
            } else {
                throw .unknownSide(conflict: conflict.id, dot: dot)
            }
        case (.deleteEdit, .value):
            throw .choiceDoesNotApply(
                conflict: conflict.id, reason: "a delete/edit conflict takes restore or keep-deleted, not a value"
            )
        }
    }
}
