import FieldbookModel
import FieldbookSync
import Foundation
import GRDB

/// The queryable projection of one entity: a table `e_<entity>` with a
/// column per scalar field holding the winning value, plus bookkeeping.
///
/// The replicated state itself lives in the `record` table; projections are
/// derived from it inside the same transaction, so they are never stale and
/// can be rebuilt at any time. Columns are typed by field kind (integers and
/// booleans as INTEGER, everything else — decimals included, in canonical
/// form — as TEXT). Reference and date fields are indexed automatically,
/// which covers the 360° view (records of an account) and the worklists.
struct ProjectionTable: Sendable {
    /// The entity projected.
    let entity: EntitySchema
    /// The scalar fields, in declaration order.
    let columns: [Field]
    /// Position of each scalar field's value among the upsert's parameters,
    /// by field name.
    private let parameters: [String: Int]
    /// The upsert writing one row (one parameter per column); built once per
    /// table value, so callers writing many rows keep one `ProjectionTable` around.
    let upsertSQL: String

    /// The projection of `entity`.
    init(entity: EntitySchema) {
        self.entity = entity
        let columns = entity.fields.filter(\.kind.isScalar)
        self.columns = columns
        let names = Self.bookkeeping + columns.map(\.name)
        var parameters: [String: Int] = [:]
        for (offset, field) in columns.enumerated() { parameters[field.name] = Self.bookkeeping.count + offset }
        self.parameters = parameters
        let quoted = names.map(\.quotedDatabaseIdentifier)
        let placeholders = Array(repeating: "?", count: names.count).joined(separator: ", ")
        // An upsert, not INSERT OR REPLACE: an existing row is updated in
        // place instead of deleted and reinserted (every index touched twice).
        let updates = quoted.dropFirst().map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        upsertSQL = "INSERT INTO \("e_" + entity.name) (\(quoted.joined(separator: ", "))) VALUES (\(placeholders)) "
            + "ON CONFLICT(id) DO UPDATE SET \(updates)"
    }

    /// Table name: `e_` plus the entity name.
    var name: String { "e_" + entity.name }

    /// Bookkeeping columns every projection has.
    static let bookkeeping = ["id", "_deleted", "_conflicts", "_updated"]

    /// SQL type for a scalar kind.
    static func sqlType(_ kind: FieldKind) -> String {
        switch kind {
        case .integer, .bool: "INTEGER"
        default: "TEXT"
        }
    }

    /// DDL creating the table and its automatic indexes.
    func createStatements() -> [String] {
        var definitions = [
            "id TEXT PRIMARY KEY NOT NULL REFERENCES record(id) ON DELETE CASCADE",
            "_deleted INTEGER NOT NULL DEFAULT 0",
            "_conflicts INTEGER NOT NULL DEFAULT 0",
            "_updated TEXT NOT NULL",
        ]
        definitions += columns.map { "\($0.name.quotedDatabaseIdentifier) \(Self.sqlType($0.kind))" }
        var statements = ["CREATE TABLE \(name) (\(definitions.joined(separator: ", ")))"]
        statements += columns.compactMap(indexStatement(for:))
        return statements
    }

    /// DDL adding `field` to an existing projection (a later schema version).
    func addColumnStatements(for field: Field) -> [String] {
        ["ALTER TABLE \(name) ADD COLUMN \(field.name.quotedDatabaseIdentifier) \(Self.sqlType(field.kind))"]
            + [indexStatement(for: field)].compactMap { $0 }
    }

    private func indexStatement(for field: Field) -> String? {
        switch field.kind {
        case .reference, .date, .dateTime:
            // Partial: live rows with a value only. Unset references and dates
            // (most of them on a fresh record) cost no index page on write;
            // `column = ?` and range queries imply `IS NOT NULL`, so they still use it.
            "CREATE INDEX \(name)_\(field.name) ON \(name)(\(field.name.quotedDatabaseIdentifier)) "
                + "WHERE _deleted = 0 AND \(field.name.quotedDatabaseIdentifier) IS NOT NULL"
        default:
            nil
        }
    }

    /// Writes the projection row of `state` (insert or update).
    func write(_ state: RecordState, updated: String, in db: Database) throws {
        try write(state, deleted: state.isDeleted, conflicts: state.openConflictCount, updated: updated, in: db)
    }

    /// Writes the projection row of `state` with the bookkeeping values the
    /// caller already computed (`deleted`, `conflicts`).
    func write(_ state: RecordState, deleted: Bool, conflicts: Int, updated: String, in db: Database) throws {
        try write(state, deleted: deleted, conflicts: conflicts, updated: updated, with: db.cachedStatement(sql: upsertSQL))
    }

    /// Writes the projection row of `state` with `upsert`, a statement
    /// prepared from ``upsertSQL``.
    func write(_ state: RecordState, deleted: Bool, conflicts: Int, updated: String, with upsert: Statement) throws {
        var values = [DatabaseValue](repeating: .null, count: Self.bookkeeping.count + columns.count)
        values[0] = state.id.databaseValue
        values[1] = deleted.databaseValue
        values[2] = conflicts.databaseValue
        values[3] = updated.databaseValue
        // Visit the record's slots (few) rather than look up every column (many).
        for (slot, register) in state.slots {
            guard let index = parameters[slot.path], let value = register.winner?.value else { continue }
            values[index] = Self.databaseValue(value, for: columns[index - Self.bookkeeping.count].kind)
        }
        try upsert.execute(binding: values)
    }

    /// The column value for a sync value; a value of the wrong type (a newer
    /// schema, a server bug) becomes NULL rather than failing the write.
    static func databaseValue(_ value: Value?, for kind: FieldKind) -> DatabaseValue {
        switch (value, kind) {
        case (.int(let number), .integer): number.databaseValue
        case (.bool(let flag), .bool): flag.databaseValue
        case (.text(let text), _) where kind.isTextEncoded: text.databaseValue
        default: .null
        }
    }
}

extension ProjectionTable {
    /// The projection of `entity`, built once per process and entity
    /// definition: building one composes its SQL, which costs more than a
    /// whole local write.
    static func cached(for entity: EntitySchema) -> ProjectionTable {
        tables.withLock { tables in
            // Equal schemas from one registry share their arrays, so this
            // comparison is cheap; a different definition (another registry)
            // replaces the entry.
            if let table = tables[entity.name], table.entity == entity { return table }
            let table = ProjectionTable(entity: entity)
            tables[entity.name] = table
            return table
        }
    }

    private static let tables = LockedTables()

    /// The process-wide table cache, behind a lock.
    private final class LockedTables: @unchecked Sendable {
        private let lock = NSLock()
        private var tables: [String: ProjectionTable] = [:]

        func withLock<T>(_ body: (inout [String: ProjectionTable]) -> T) -> T {
            lock.lock()
            defer { lock.unlock() }
            return body(&tables)
        }
    }
}
