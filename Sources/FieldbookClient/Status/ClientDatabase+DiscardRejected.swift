import FieldbookModel
import FieldbookSync
import GRDB

extension ClientDatabase {
    /// Discards a change the server rejected: removes it from the outbox
    /// and undoes its effect with a compensating change (the rejected change
    /// is already applied locally, and local state cannot be rewound).
    ///
    /// The compensating change puts back, for each slot the rejected change
    /// wrote, the value it replaced — but only where the rejected value is
    /// still what the slot shows; later local writes and concurrent writes
    /// from elsewhere stand. It also supersedes what the rejected change
    /// had replaced, because the server, never having applied it, still holds
    /// those entries. A record the server never had is instead rebuilt from
    /// its other outbox changes (removed when there are none). Rejected
    /// changes of one record are discarded newest first. The full rule is on
    /// `DiscardPlan`.
    ///
    /// Everything happens in one transaction; the compensating change is
    /// validated and queued like any local edit.
    ///
    /// ```swift
    /// for entry in try database.outbox(.rejected) {
    ///     try database.discardRejected(dot: entry.change.dot)
    /// }
    /// ```
    /// - Throws: ``DiscardError`` (unknown dot, not rejected, earlier values
    ///   not kept here); ``ClientError/validationFailed(entity:record:issues:)``.
    @discardableResult
    public func discardRejected(dot: Dot) throws -> DiscardResult {
        try writer.write { db in
            let outbox = try OutboxEntry.fetchAll(in: db)
            guard let entry = outbox.first(where: { $0.change.dot == dot }) else { throw DiscardError.notFound(dot) }
            guard entry.status == .rejected else { throw DiscardError.notRejected(dot) }
            let change = entry.change
            try db.execute(sql: "DELETE FROM outbox WHERE \(LeanOutbox.dotCondition)", arguments: LeanOutbox.arguments(for: dot))
            guard let current = try RecordRow.fetch(change.record, in: db) else {
                return DiscardResult(discarded: change, compensation: nil, restored: [], removedRecord: false)
            }
            let plan = DiscardPlan(
                discarding: change, current: current, outbox: outbox.filter { $0.change.record == change.record }
            )
            guard plan.blockedBy.isEmpty else {
                throw DiscardError.laterRejectedChanges(dot: dot, blocking: plan.blockedBy)
            }
            guard plan.unknown.isEmpty else {
                let fields = plan.unknown.map { slot in
                    slot == .deleted ? "deleted" : slot.member.map { "\(slot.field).\($0)" } ?? slot.field
                }
                throw DiscardError.earlierValuesUnknown(
                    dot: dot, entity: change.entity, record: change.record, fields: Array(Set(fields)).sorted()
                )
            }
            if let rebuilt = plan.rebuilt {
                if let rebuilt {
                    try RecordRow.save(rebuilt, registry: registry, now: nowText(), in: db)
                } else {
                    try db.execute(sql: "DELETE FROM record WHERE id = ?", arguments: [change.record])
                }
                return DiscardResult(
                    discarded: change, compensation: nil, restored: plan.restored, removedRecord: rebuilt == nil
                )
            }
            let compensation = plan.operations.isEmpty
                ? nil
                : try commitOperations(plan.operations, on: current, validatingFrom: plan.before, in: db)
            return DiscardResult(
                discarded: change, compensation: compensation, restored: plan.restored, removedRecord: false
            )
        }
    }

    /// Writes a local change made of ready-built operations (their
    /// `supersedes` chosen by the caller) through the single local write path
    /// (``LocalTransaction``), validated as a change of `before`, inside the
    /// caller's transaction.
    func commitOperations(
        _ operations: [Operation], on current: RecordState, validatingFrom before: RecordState, in db: Database
    ) throws -> Change {
        var transaction = try LocalTransaction(db: db, database: self)
        let validator = self.validator
        let change = try transaction.commit(operations, on: current, schema: try schema(current.entity)) { change, _ in
            validator.validate(change: change, current: before)
        }.change
        try transaction.finish()
        return change
    }
}
