import FieldbookModel
import FieldbookSync
import GRDB

extension ClientDatabase {
    /// The state of record `id`, nil if the replica does not hold it.
    public func record(_ id: String) throws -> RecordState? {
        try writer.read { db in try RecordRow.fetch(id, in: db) }
    }

    /// Every record of `entity` held locally, deleted ones only if asked.
    public func records(_ entity: String, includingDeleted: Bool = false) throws -> [RecordState] {
        try writer.read { db in try records(entity, includingDeleted: includingDeleted, in: db) }
    }

    /// Every record of `entity` held locally (for use inside observations).
    public func records(_ entity: String, includingDeleted: Bool = false, in db: Database) throws -> [RecordState] {
        try RecordRow.fetchAll(entity: entity, in: db).filter { includingDeleted || !$0.isDeleted }
    }

    /// Every open conflict, ordered by record then slot.
    public func conflicts() throws -> [Conflict] {
        try writer.read { db in try conflicts(in: db) }
    }

    /// Every open conflict (for use inside observations).
    public func conflicts(in db: Database) throws -> [Conflict] {
        let ids = try String.fetchAll(db, sql: "SELECT id FROM record WHERE conflicts > 0 ORDER BY id")
        return try ids.compactMap { try RecordRow.fetch($0, in: db) }.flatMap(\.conflicts)
    }

    /// Outbox entries, all or of one status, in push order.
    public func outbox(_ status: OutboxEntry.Status? = nil) throws -> [OutboxEntry] {
        try writer.read { db in try OutboxEntry.fetchAll(status: status, in: db) }
    }

    /// Runs a read-only query on a consistent snapshot.
    public func read<T: Sendable>(_ query: @Sendable (Database) throws -> T) throws -> T {
        try writer.read(query)
    }

    /// An async sequence of `query`'s results: the current value first, then a
    /// new value after every committed change to the tables it read —
    /// local edits and sync alike.
    ///
    /// ```swift
    /// for try await tasks in database.observe({ db in
    ///     try Row.fetchAll(db, sql: "SELECT * FROM e_activity WHERE status = 'open' ORDER BY due")
    /// }) { render(tasks) }
    /// ```
    public func observe<T: Sendable>(
        _ query: @escaping @Sendable (Database) throws -> T
    ) -> AsyncValueObservation<T> {
        ValueObservation.tracking(query).values(in: writer)
    }
}
