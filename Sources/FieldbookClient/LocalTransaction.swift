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
    /// The validator of local writes, built once per transaction.
    private let validator: SchemaValidator
    /// Whether counter and clock advanced since the replica row was read.
    private var replicaNeedsSaving = false
    /// The write path's statements, looked up once per transaction.
    private let statements: WriteStatements

    init(db: Database, database: ClientDatabase, role: Role = .rep) throws {
        self.db = db
        self.database = database
        self.replica = try ReplicaRow.fetchOrCreate(db, schemaVersion: database.registry.version)
        self.validator = role == .rep ? database.validator : database.validator(role: role)
        self.statements = WriteStatements(db: db)
    }

    /// Saves the replica's counter and clock once, at the end of the
    /// transaction (inside it, so they commit with the outbox entries).
    func finish() throws {
        if replicaNeedsSaving { try replica.saveClock(db) }
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
        let schema = try database.schema(entity)
        return try edit(schema, id, existing: try RecordRow.fetch(id, in: db), body)
    }

    /// Deletes a record (a tombstone that syncs; the values stay restorable).
    @discardableResult
    public mutating func delete(_ entity: String, _ id: String) throws -> RecordState {
        let schema = try database.schema(entity)
        guard let existing = try RecordRow.fetch(id, in: db) else { throw ClientError.recordNotFound(id: id) }
        return try edit(schema, id, existing: existing) { $0.delete() }
    }

    /// The edit itself, given the record's stored state (fetched once).
    private mutating func edit(
        _ schema: EntitySchema, _ id: String, existing: RecordState?, _ body: (inout ChangeBuilder) throws -> Void
    ) throws -> RecordState {
        let entity = schema.name
        if let existing, existing.entity != entity {
            throw ClientError.wrongEntity(id: id, expected: entity, found: existing.entity)
        }
        var builder = ChangeBuilder(state: existing ?? RecordState(entity: entity, id: id))
        try body(&builder)
        guard !builder.isEmpty else { return builder.state }
        let validator = self.validator
        // Validated against the state just computed: the validator need not apply the change again.
        return try commit(builder.operations, on: builder.state, schema: schema) { change, applied in
            validator.validate(change: change, current: existing, applied: applied)
        }.state
    }

    /// Commits ready-built operations as one local change of `current`: the
    /// next dot, a clock tick, validation, then the record, its projection and
    /// the outbox entry — the single write path of every local change
    /// (builder edits, conflict resolutions, discards).
    /// - Parameter validate: the issues of the change, given the state it produces.
    mutating func commit(
        _ operations: [FieldbookSync.Operation], on current: RecordState, schema: EntitySchema,
        validate: (Change, RecordState) -> [ValidationIssue]
    ) throws -> (change: Change, state: RecordState) {
        let entity = current.entity
        let id = current.id
        let physical = database.clock.nowMillis()
        var clock = HybridLogicalClock(last: replica.clock)
        let time = clock.tick(physical: physical)
        let dot = Dot(replica: replica.replicaID, counter: replica.counter + 1)
        let change = Change(entity: entity, record: id, dot: dot, time: time, ops: operations)
        var state = current
        do { try state.apply(change) } catch { throw ClientError.sync(error) }
        let issues = validate(change, state)
        if issues.contains(where: { $0.severity == .error }) {
            throw ClientError.validationFailed(entity: entity, record: id, issues: issues)
        }

        replica.counter += 1
        replica.clock = clock.last
        let now = nowText(physical: physical)
        try RecordRow.save(state, upsert: statements.record(), projection: statements.projection(for: schema), now: now)
        try OutboxEntry.insert(change, now: now, with: statements.outbox())
        replicaNeedsSaving = true
        changes.append(change)
        return (change, state)
    }

    /// `physical` (Unix ms) as ISO 8601 UTC seconds, like `ClientDatabase.nowText()`;
    /// the text of the last second seen is kept, so the writes of one second format it once.
    private func nowText(physical: UInt64) -> String {
        let second = physical / 1000
        return Self.lastSecond.withLock { last in
            if let last, last.second == second { return last.text }
            let text = UTCDateTime(secondsSinceEpoch: Int64(second))?.description ?? "1970-01-01T00:00:00Z"
            last = (second, text)
            return text
        }
    }

    private static let lastSecond = LockedSecond()

    /// The last second formatted, shared by every transaction, behind a lock.
    private final class LockedSecond: @unchecked Sendable {
        private let lock = NSLock()
        private var last: (second: UInt64, text: String)?

        func withLock(_ body: (inout (second: UInt64, text: String)?) -> String) -> String {
            lock.lock()
            defer { lock.unlock() }
            return body(&last)
        }
    }
}
