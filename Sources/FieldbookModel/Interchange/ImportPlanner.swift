import FieldbookSync

/// Turns a CSV table into resolved ``ImportRow``s: maps columns to fields,
/// reads values, resolves references, picks each row's record ID and
/// detects duplicates within the file and against existing records.
///
/// Record IDs: an `id` column wins; otherwise the key column's value
/// (folded) names an existing record holding the same value in the key's
/// field, or else derives the ID (``derivedID(entity:key:)``) — so
/// importing the same file again updates or skips instead of duplicating.
/// Without a key column the whole row is the key.
///
/// ```swift
/// let planner = try ImportPlanner(schema: .product, registry: .standard, mapping: mapping, header: table.header) { entity in
///     try database.records(entity)
/// }
/// let rows = try planner.plan(table, report: &report)
/// ```
public struct ImportPlanner {
    private struct MappedColumn {
        let index: Int
        let name: String
        let column: ImportMapping.Column
        let field: Field
    }

    /// The entity imported.
    public let schema: EntitySchema
    private let mapping: ImportMapping
    private let registry: SchemaRegistry
    private let columns: [MappedColumn]
    private let idColumn: Int?
    private let keyColumn: Int?
    private let records: (String) throws -> [RecordState]
    private let defaults: [String: String]
    /// Columns of the header that map to nothing (reported once as a warning).
    public let ignoredColumns: [String]

    /// Prepares an import of `schema` with `mapping` for a file with `header`.
    /// - Parameters:
    ///   - records: the live and deleted records of an entity, for references and existing records.
    ///   - defaults: extra field defaults below the mapping's own (e.g. the signed-in user as owner).
    /// - Throws: ``ImportProblem`` when the mapping names a column or field that does not exist.
    public init(
        schema: EntitySchema, registry: SchemaRegistry, mapping: ImportMapping, header: [String],
        defaults: [String: String] = [:], records: @escaping (String) throws -> [RecordState]
    ) throws(ImportProblem) {
        self.schema = schema
        self.mapping = mapping
        self.registry = registry
        self.records = records
        self.defaults = defaults.merging(mapping.defaults) { _, mapped in mapped }
        var columns: [MappedColumn] = []
        var ignored: [String] = []
        var idColumn: Int?
        for (index, name) in header.enumerated() {
            if name == "id", mapping.columns["id"] == nil {
                idColumn = index
                continue
            }
            guard let column = mapping.column(name, in: schema) else {
                // Columns the mapping ignores on purpose (`null`) are not reported.
                if !name.isEmpty, mapping.columns.index(forKey: name) == nil { ignored.append(name) }
                continue
            }
            guard let field = schema.field(column.field) else {
                throw ImportProblem("column \"\(name)\" maps to \(column.field), which \(schema.name) does not have")
            }
            if case .list = field.kind {
                throw ImportProblem("column \"\(name)\": list field \(field.name) cannot be imported from CSV")
            }
            columns.append(MappedColumn(index: index, name: name, column: column, field: field))
        }
        for field in self.defaults.keys where schema.field(field) == nil {
            throw ImportProblem("default for \(field), which \(schema.name) does not have")
        }
        if let key = mapping.key {
            guard let index = header.firstIndex(of: key) else { throw ImportProblem("key column \"\(key)\" is not in the file") }
            keyColumn = index
        } else {
            keyColumn = (columns.first { $0.field.name == "erpKey" } ?? columns.first { $0.field.name == "number" })?.index
        }
        self.columns = columns
        self.idColumn = idColumn
        self.ignoredColumns = ignored
    }

    /// The record ID an import derives from a key value: the same entity and
    /// key (folded) always give the same ID, on every device and the server.
    public static func derivedID(entity: String, key: String) -> String {
        DerivedID.make(from: entity + "\u{0}" + ReferenceIndex.compact(key), role: "csv-import/v1")
    }

    /// Plans every row; rows with errors are left out and counted in
    /// `report` as failed, duplicates and empty rows as skipped.
    public func plan(_ table: CSVTable, report: inout ImportReport) throws -> [ImportRow] {
        for name in ignoredColumns { report.warn(line: nil, column: name, "column ignored: no field \(name) in \(schema.name)") }
        let existing = try records(schema.name)
        var existingByID: [String: RecordState] = [:]
        for record in existing { existingByID[record.id] = record }
        var keyField: [String: String] = [:]
        if let keyColumn, let mapped = columns.first(where: { $0.index == keyColumn }) {
            for record in existing where !record.isDeleted {
                if let text = record.value(mapped.field.name)?.text { keyField[ReferenceIndex.compact(text)] = record.id }
            }
        }
        var indexes: [String: ReferenceIndex] = [:]
        var seen: [String: Int] = [:]
        var rows: [ImportRow] = []
        let reader = CellValueReader(numbers: mapping.numbers)
        report.rows += table.rows.count
        for row in table.rows {
            let cells = row.fields.map(TextFolding.trimmed)
            if cells.allSatisfy(\.isEmpty) {
                report.skipped += 1
                continue
            }
            var planned = ImportRow(line: row.line, recordID: "", values: [:], elements: [:], warnings: [])
            var problems: [(String, String)] = []
            for mapped in columns {
                let cell = mapped.index < cells.count ? cells[mapped.index] : ""
                guard !cell.isEmpty else { continue }
                do {
                    try read(cell, into: &planned, mapped.field, mapped.column, columnName: mapped.name, reader: reader, indexes: &indexes)
                } catch {
                    problems.append((mapped.name, "\(mapped.name): \(error)"))
                }
            }
            // The record ID.
            var recordID: String?
            if let idColumn, idColumn < cells.count, !cells[idColumn].isEmpty {
                if RecordID.isWellFormed(cells[idColumn]) { recordID = cells[idColumn] } else {
                    problems.append(("id", "id: not a well-formed record ID"))
                }
            } else if let keyColumn {
                let key = keyColumn < cells.count ? cells[keyColumn] : ""
                if key.isEmpty {
                    problems.append((table.header[keyColumn], "\(table.header[keyColumn]): the key column is empty"))
                } else {
                    recordID = keyField[ReferenceIndex.compact(key)] ?? Self.derivedID(entity: schema.name, key: key)
                }
            } else {
                recordID = Self.derivedID(entity: schema.name, key: cells.joined(separator: "\u{1F}"))
            }
            if !problems.isEmpty || recordID == nil {
                report.failed += 1
                for (column, message) in problems {
                    report.messages.append(.init(line: row.line, column: column, severity: "error", message: message))
                }
                continue
            }
            let id = recordID!
            if let first = seen[id] {
                report.skipped += 1
                report.warn(line: row.line, "duplicate of line \(first) (same key); skipped")
                continue
            }
            seen[id] = row.line
            // Defaults fill fields the row and the existing record leave empty.
            let current = existingByID[id]
            for (field, text) in defaults.sorted(by: { $0.key < $1.key }) where planned.values[field] == nil {
                guard current?.value(field) == nil || current?.value(field) == .null else { continue }
                guard let schemaField = schema.field(field) else { continue }
                do {
                    try read(text, into: &planned, schemaField, .init(field: field), columnName: field, reader: reader, indexes: &indexes)
                } catch {
                    throw ImportProblem("default for \(field): \(error)")
                }
            }
            for (column, message) in planned.warnings { report.warn(line: row.line, column: column, message) }
            rows.append(ImportRow(line: row.line, recordID: id, values: planned.values, elements: planned.elements, warnings: planned.warnings))
        }
        return rows
    }

    /// Reads one non-empty cell into `row`.
    private func read(
        _ cell: String, into row: inout ImportRow, _ field: Field, _ column: ImportMapping.Column, columnName: String,
        reader: CellValueReader, indexes: inout [String: ReferenceIndex]
    ) throws {
        switch field.kind {
        case .set(let element):
            var items: [String] = []
            for part in cell.split(separator: "|").map({ TextFolding.trimmed(String($0)) }) where !part.isEmpty {
                let value = try scalar(part, kind: element, column: column, columnName: columnName, row: &row, reader: reader, indexes: &indexes)
                if let text = value.text { items.append(text) }
            }
            row.elements[field.name] = items
        default:
            row.values[field.name] = try scalar(cell, kind: field.kind, column: column, columnName: columnName, row: &row, reader: reader, indexes: &indexes)
        }
    }

    private func scalar(
        _ cell: String, kind: FieldKind, column: ImportMapping.Column, columnName: String, row: inout ImportRow,
        reader: CellValueReader, indexes: inout [String: ReferenceIndex]
    ) throws -> Value {
        if case .reference(let target) = kind {
            let cacheKey = target + "\u{0}" + column.match.joined(separator: ",")
            if indexes[cacheKey] == nil {
                let organization = registry.entity(target)?.access == .organization
                indexes[cacheKey] = ReferenceIndex(entity: target, records: try records(target), match: column.match, acceptsUnknownIDs: organization)
            }
            return .text(try indexes[cacheKey]!.resolve(cell, synonyms: column.synonyms))
        }
        let reading = try reader.value(cell, kind: kind, values: column.values)
        if let warning = reading.warning { row.warnings.append((columnName, warning)) }
        return reading.value
    }
}
