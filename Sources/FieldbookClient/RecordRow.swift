import FieldbookModel
import FieldbookSync
import Foundation
import GRDB

/// Reads and writes replicated record states in the `record` table and
/// keeps the entity projections in step, inside the caller's transaction.
enum RecordRow {
    /// The stored state of record `id`, nil if absent.
    static func fetch(_ id: String, in db: Database) throws -> RecordState? {
        guard let data = try Data.fetchOne(db, sql: "SELECT state FROM record WHERE id = ?", arguments: [id]) else {
            return nil
        }
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
        let data = try JSONEncoder().encode(state)
        let conflicts = state.conflicts.count
        try db.cachedStatement(
            sql: """
                INSERT INTO record (id, entity, state, deleted, conflicts, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET state = excluded.state, deleted = excluded.deleted,
                    conflicts = excluded.conflicts, updated_at = excluded.updated_at
                """
        ).execute(arguments: [state.id, state.entity, data, state.isDeleted, conflicts, now])
        if let entity = registry.entity(state.entity) {
            try ProjectionTable(entity: entity).write(state, updated: now, in: db)
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
            return try JSONDecoder().decode(RecordState.self, from: data)
        } catch {
            throw ClientError.corruptRecord(id: id, reason: "state does not decode")
        }
    }
}
