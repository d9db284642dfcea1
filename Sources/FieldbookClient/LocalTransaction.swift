import FieldbookModel
import FieldbookSync
import Foundation
import GRDB

/// One unit of local work: edits of one or more records that commit together
/// with their outbox entries, or not at all.
///
/// Obtained from ``ClientDatabase/write(_:)``; every ``edit(_:_:_:)`` is
/// validated against the schema before anything is stored.
public struct LocalTransaction {
    /// The GRDB connection of this transaction, for reads and custom queries.
    public let db: Database
    let database: ClientDatabase
    var replica: ReplicaRow
    /// The changes made so far in this transaction, in order.
    public private(set) var changes: [Change] = []

    init(db: Database, database: ClientDatabase) throws {
        self.db = db
        self.database = database
        self.replica = try ReplicaRow.fetchOrCreate(db, schemaVersion: database.registry.version)
    }

    /// The current state of record `id`, including edits made in this transaction.
    public func record(_ id: String) throws -> RecordState? {
        try RecordRow.fetch(id, in: db)
    }

    /// Edits (or creates) one record and queues the change for sync.
    ///
    /// - Parameters:
    ///   - entity: the entity of the record, e.g. `"account"`.
    ///   - id: the record ID; new records usually use `ClientDatabase.newRecordID()`.
    ///   - body: fills a ``ChangeBuilder`` from the current state.
    /// - Returns: the record after the edit (unchanged when `body` wrote nothing).
    /// - Throws: ``ClientError/validationFailed(entity:record:issues:)`` when the
    ///   change breaks the schema or a business rule, ``ClientError/wrongEntity(id:expected:found:)``.
    @discardableResult
    public mutating func edit(
        _ entity: String, _ id: String, _ body: (inout ChangeBuilder) throws -> Void
    ) throws -> RecordState {
        _ = try database.schema(entity)
        let existing = try RecordRow.fetch(id, in: db)
        if let existing, existing.entity != entity {
            throw ClientError.wrongEntity(id: id, expected: entity, found: existing.entity)
        }
        var builder = ChangeBuilder(state: existing ?? RecordState(entity: entity, id: id))
        try body(&builder)
        guard !builder.isEmpty else { return builder.state }

        var clock = HybridLogicalClock(last: replica.clock)
        let time = clock.tick(using: database.clock)
        let dot = Dot(replica: replica.replicaID, counter: replica.counter + 1)
        let change = Change(entity: entity, record: id, dot: dot, time: time, ops: builder.operations)
        let issues = database.validator.validate(change: change, current: existing)
        if issues.contains(where: { $0.severity == .error }) {
            throw ClientError.validationFailed(entity: entity, record: id, issues: issues)
        }
        var state = builder.state
        do { try state.apply(change) } catch { throw ClientError.sync(error) }

        replica.counter += 1
        replica.clock = clock.last
        let now = database.nowText()
        try RecordRow.save(state, registry: database.registry, now: now, in: db)
        try OutboxEntry.insert(change, now: now, in: db)
        try replica.saveClock(db)
        changes.append(change)
        return state
    }

    /// Deletes a record (a tombstone that syncs; the values stay restorable).
    @discardableResult
    public mutating func delete(_ entity: String, _ id: String) throws -> RecordState {
        guard try RecordRow.fetch(id, in: db) != nil else { throw ClientError.recordNotFound(id: id) }
        return try edit(entity, id) { $0.delete() }
    }
}
