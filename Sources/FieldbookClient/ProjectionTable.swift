import FieldbookModel
import FieldbookSync
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

    /// Table name: `e_` plus the entity name.
    var name: String { "e_" + entity.name }

    /// The scalar fields, in declaration order.
    var columns: [Field] { entity.fields.filter(\.kind.isScalar) }

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
            "CREATE INDEX \(name)_\(field.name) ON \(name)(\(field.name.quotedDatabaseIdentifier)) WHERE _deleted = 0"
        default:
            nil
        }
    }

    /// Writes the projection row of `state` (insert or replace).
    func write(_ state: RecordState, updated: String, in db: Database) throws {
        let names = Self.bookkeeping + columns.map(\.name)
        let placeholders = Array(repeating: "?", count: names.count).joined(separator: ", ")
        let sql = "INSERT OR REPLACE INTO \(name) (\(names.map(\.quotedDatabaseIdentifier).joined(separator: ", "))) VALUES (\(placeholders))"
        var arguments: [(any DatabaseValueConvertible)?] = [
            state.id, state.isDeleted, state.conflicts.count, updated,
        ]
        for field in columns {
            arguments.append(Self.databaseValue(state.value(field.name), for: field.kind))
        }
        try db.cachedStatement(sql: sql).execute(arguments: StatementArguments(arguments))
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
