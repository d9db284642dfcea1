import FieldbookModel
import GRDB

/// The prepared statements of the local write path, kept for one
/// transaction (see ``LocalTransaction``).
///
/// `Database.cachedStatement(sql:)` hashes and compares the whole SQL text
/// on every call; a projection upsert names every column twice (about a
/// kilobyte for an account), so looking it up cost more per write than
/// running it. Here each statement is looked up once per transaction and
/// the projections are found by entity name.
final class WriteStatements {
    private let db: Database
    private var recordUpsert: Statement?
    private var outboxInsert: Statement?
    private var projections: [String: (table: ProjectionTable, statement: Statement)] = [:]

    init(db: Database) { self.db = db }

    /// The record upsert (``RecordRow/upsertSQL``).
    func record() throws -> Statement {
        if let recordUpsert { return recordUpsert }
        let statement = try db.cachedStatement(sql: RecordRow.upsertSQL)
        recordUpsert = statement
        return statement
    }

    /// The outbox insert (``LeanOutbox/insertSQL``).
    func outbox() throws -> Statement {
        if let outboxInsert { return outboxInsert }
        let statement = try db.cachedStatement(sql: LeanOutbox.insertSQL)
        outboxInsert = statement
        return statement
    }

    /// The projection of `schema` and its upsert.
    func projection(for schema: EntitySchema) throws -> (table: ProjectionTable, statement: Statement) {
        // One transaction writes with one registry: the name identifies the definition.
        if let known = projections[schema.name] { return known }
        let table = ProjectionTable.cached(for: schema)
        let entry = (table, try db.cachedStatement(sql: table.upsertSQL))
        projections[schema.name] = entry
        return entry
    }
}
