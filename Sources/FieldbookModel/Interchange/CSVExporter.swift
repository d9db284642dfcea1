import FieldbookSync

/// Writes records of one entity as CSV: an `id` column, then every scalar
/// and set field in schema order (list fields such as order lines are left
/// out), references as record IDs, set elements joined by `|`, values in
/// their wire form (ISO dates, `1234.56`). Rows are sorted by ID, so the
/// same records always give the same file — and the file imports again
/// without a mapping.
///
/// ```swift
/// let csv = CSVExporter(schema: .product).csv(of: products)
/// ```
public struct CSVExporter: Sendable {
    /// The entity exported.
    public let schema: EntitySchema
    /// Field → column name; fields missing here keep their own name. With
    /// `onlyMapped`, only these fields are exported.
    public let columnNames: [String: String]
    /// Whether to export only the fields named in ``columnNames``.
    public let onlyMapped: Bool

    /// An exporter of `schema`.
    public init(schema: EntitySchema, columnNames: [String: String] = [:], onlyMapped: Bool = false) {
        self.schema = schema
        self.columnNames = columnNames
        self.onlyMapped = onlyMapped
    }

    /// An exporter whose columns follow an import mapping (column names as in the mapping).
    public init(schema: EntitySchema, mapping: ImportMapping) {
        var names: [String: String] = [:]
        for (column, mapped) in mapping.columns.sorted(by: { $0.key < $1.key }) {
            if let mapped, names[mapped.field] == nil { names[mapped.field] = column }
        }
        self.init(schema: schema, columnNames: names, onlyMapped: true)
    }

    /// The exported fields, in schema order.
    public var fields: [Field] {
        schema.fields.filter { field in
            if case .list = field.kind { return false }
            return !onlyMapped || columnNames[field.name] != nil
        }
    }

    /// The header row.
    public var header: [String] { ["id"] + fields.map { columnNames[$0.name] ?? $0.name } }

    /// The CSV of the live `records` (deleted ones are left out).
    public func csv(of records: [RecordState]) -> String {
        var writer = CSVWriter()
        writer.append(header)
        let fields = self.fields
        for record in records.filter({ !$0.isDeleted && $0.entity == schema.name }).sorted(by: { $0.id < $1.id }) {
            writer.append([record.id] + fields.map { cell(record, $0) })
        }
        return writer.text
    }

    /// One field of `record` as a cell.
    public func cell(_ record: RecordState, _ field: Field) -> String {
        if case .set = field.kind { return record.elements(of: field.name).sorted().joined(separator: "|") }
        switch record.value(field.name) {
        case .text(let text): return text
        case .int(let number): return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .null, nil: return ""
        }
    }
}
