import FieldbookModel
import FieldbookSync
import Foundation
import GRDB

/// Reads and writes replicated record states in the `record` table and
/// keeps the entity projections in step, inside the caller's transaction.
///
/// Columns of `record`:
/// - `state` (BLOB): the ``RecordState`` in the binary storage encoding of
///   `StorageCodec` (format version 1: the blob starts with `0x53 0x01`;
///   see `StorageCodec` for the layout). Not JSON: the wire format stays
///   JSON, the store keeps the compact form.
/// - `deleted`: 1 when the record is a tombstone; `conflicts`: the number of
///   open conflicts (``RecordState/openConflictCount``); `updated_at`: ISO
///   8601 UTC of the last local write or merge.
enum RecordRow {
    /// The stored state of record `id`, nil if absent.
    static func fetch(_ id: String, in db: Database) throws -> RecordState? {
        let statement = try db.cachedStatement(sql: "SELECT state FROM record WHERE id = ?")
        try statement.bind([id.databaseValue])
        guard let data = try Data.fetchOne(statement) else { return nil }
        return try decode(data, id: id)
    }

    /// Every stored state of `entity`, in ID order.
    static func fetchAll(entity: String, in db: Database) throws -> [RecordState] {
        let rows = try Row.fetchAll(db, sql: "SELECT id, state FROM record WHERE entity = ? ORDER BY id", arguments: [entity])
        return try rows.map { row in try decode(row["state"], id: row["id"]) }
    }

    /// Stores `state` and its projection (when the entity is in the schema:
    /// records of unknown entities are kept but not projected).
    static func save(_ state: RecordState, registry: SchemaRegistry, now: String, in db: Database) throws {
        try save(state, projection: registry.entity(state.entity).map(ProjectionTable.cached(for:)), now: now, in: db)
    }

    /// Stores `state` and, if given, its projection row in `projection`.
    static func save(_ state: RecordState, projection: ProjectionTable?, now: String, in db: Database) throws {
        try save(
            state, upsert: try db.cachedStatement(sql: upsertSQL),
            projection: try projection.map { table in (table, try db.cachedStatement(sql: table.upsertSQL)) }, now: now
        )
    }

    /// The upsert of one record row (six parameters, see ``save(_:upsert:projection:now:)``).
    static let upsertSQL = """
        INSERT INTO record (id, entity, state, deleted, conflicts, updated_at) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT(id) DO UPDATE SET state = excluded.state, deleted = excluded.deleted,
            conflicts = excluded.conflicts, updated_at = excluded.updated_at
        """

    /// Stores `state` with ready statements: `upsert` prepared from
    /// ``upsertSQL``, the projection's from its table's `upsertSQL` (the
    /// local write path keeps them for the transaction instead of looking
    /// the long SQL texts up in GRDB's statement cache on every write).
    static func save(
        _ state: RecordState, upsert: Statement, projection: (table: ProjectionTable, statement: Statement)?, now: String
    ) throws {
        let conflicts = state.openConflictCount
        let deleted = state.isDeleted
        try upsert.execute(binding: [
            state.id.databaseValue, state.entity.databaseValue, Data(StorageCodec.encode(state)).databaseValue,
            deleted.databaseValue, conflicts.databaseValue, now.databaseValue,
        ])
        if let projection {
            try projection.table.write(state, deleted: deleted, conflicts: conflicts, updated: now, with: projection.statement)
        }
    }

    /// Rewrites the projection rows of every stored record of `entity`.
    static func reproject(entity: EntitySchema, in db: Database) throws {
        let table = ProjectionTable(entity: entity)
        let rows = try Row.fetchAll(
            db, sql: "SELECT id, state, updated_at FROM record WHERE entity = ?", arguments: [entity.name]
        )
        for row in rows {
            try table.write(try decode(row["state"], id: row["id"]), updated: row["updated_at"], in: db)
        }
    }

    private static func decode(_ data: Data, id: String) throws -> RecordState {
        do {
            return try data.withUnsafeBytes { bytes in try StorageCodec.recordState(from: bytes) }
        } catch {
            throw ClientError.corruptRecord(id: id, reason: "state does not decode")
        }
    }
}

extension Statement {
    /// Binds `values` to the statement's positional parameters, one value
    /// per `?`, in order; a following `execute()` or fetch without
    /// arguments runs the statement with them.
    ///
    /// The hot paths bind through GRDB's public `StatementBinding` instead
    /// of building `StatementArguments`: GRDB's initialisers taking a
    /// runtime-sized sequence run unspecialised from this module (about a
    /// thousand instructions per value). `setUncheckedArguments` with no
    /// arguments resets the statement, clears its bindings and marks it as
    /// bound, so GRDB then executes it as bound here.
    func bind(_ values: [DatabaseValue]) throws {
        assert((try? validateArguments(StatementArguments(values))) != nil, "one value per parameter")
        setUncheckedArguments(StatementArguments())
        for (offset, value) in values.enumerated() {
            let code = value.bind(to: sqliteStatement, at: CInt(offset + 1))
            guard code == 0 else { throw DatabaseError(resultCode: ResultCode(rawValue: code), sql: sql) }
        }
    }

    /// Binds `values` (see ``bind(_:)``) and executes the statement.
    func execute(binding values: [DatabaseValue]) throws {
        try bind(values)
        try execute()
    }
}
