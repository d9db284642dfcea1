/// How the columns of a CSV file map onto an entity's fields: the mapping
/// file of `fieldbook import` and `POST /v1/import/{entity}` (JSON; see
/// Protocol/interchange.md).
///
/// ```json
/// {
///   "entity": "opportunity",
///   "key": "Opp No",
///   "numbers": "de",
///   "columns": {
///     "Opp No": "number",
///     "Customer": {"field": "account", "match": ["number", "name"], "synonyms": {"Müller Bau": "Mueller Bau GmbH"}},
///     "Status": {"field": "status", "values": {"gewonnen": "won", "verloren": "lost"}},
///     "Notes": null
///   },
///   "defaults": {"owner": "user-anna"}
/// }
/// ```
///
/// Columns not named in `columns` map to the field of the same name, if the
/// entity has one (so an export imports again without a mapping); a column
/// named `id` carries the record ID.
public struct ImportMapping: Hashable, Sendable, Decodable {
    /// How a column is read.
    public struct Column: Hashable, Sendable, Decodable {
        /// The target field.
        public var field: String
        /// Values as written in the file → values stored (enumerations, phases, any text).
        public var values: [String: String]
        /// For references: the target fields to match the cell against, in
        /// order (`id` is always tried first). Default `["number", "name"]`.
        public var match: [String]
        /// For references: spellings in the file → the spelling (or ID or
        /// number) of the record meant.
        public var synonyms: [String: String]

        /// A column for `field` with optional value maps.
        public init(field: String, values: [String: String] = [:], match: [String] = ["number", "name"], synonyms: [String: String] = [:]) {
            self.field = field
            self.values = values
            self.match = match
            self.synonyms = synonyms
        }

        private enum CodingKeys: String, CodingKey { case field, values, match, synonyms }

        public init(from decoder: any Decoder) throws {
            if let field = try? decoder.singleValueContainer().decode(String.self) {
                self.init(field: field)
                return
            }
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                field: try container.decode(String.self, forKey: .field),
                values: try container.decodeIfPresent([String: String].self, forKey: .values) ?? [:],
                match: try container.decodeIfPresent([String].self, forKey: .match) ?? ["number", "name"],
                synonyms: try container.decodeIfPresent([String: String].self, forKey: .synonyms) ?? [:]
            )
        }
    }

    /// How numbers and dates are written.
    public enum NumberStyle: String, Hashable, Sendable, Decodable {
        /// `1.234,56` and `23.11.2026` (ISO dates are still accepted).
        case de
        /// `1234.56` / `1,234.56` and `2026-11-23` (German dates are still accepted).
        case iso
        /// Per cell: a `,` after the last `.` is the decimal comma; a lone `.` is a decimal point.
        case auto
    }

    /// The entity imported, e.g. `"opportunity"`.
    public var entity: String
    /// The column whose value identifies a row for duplicate detection and
    /// re-import; nil uses a column mapped to `erpKey`, else to `number`,
    /// else the whole row.
    public var key: String?
    /// How numbers are written; default ``NumberStyle/auto``.
    public var numbers: NumberStyle
    /// Column name → column mapping; `null` ignores the column.
    public var columns: [String: Column?]
    /// Field → value set on every row that leaves it empty (written as in a CSV cell).
    public var defaults: [String: String]

    /// A mapping for `entity`.
    public init(
        entity: String, key: String? = nil, numbers: NumberStyle = .auto, columns: [String: Column?] = [:],
        defaults: [String: String] = [:]
    ) {
        self.entity = entity
        self.key = key
        self.numbers = numbers
        self.columns = columns
        self.defaults = defaults
    }

    private enum CodingKeys: String, CodingKey { case entity, key, numbers, columns, defaults }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            entity: try container.decode(String.self, forKey: .entity),
            key: try container.decodeIfPresent(String.self, forKey: .key),
            numbers: try container.decodeIfPresent(NumberStyle.self, forKey: .numbers) ?? .auto,
            columns: try container.decodeIfPresent([String: Column?].self, forKey: .columns) ?? [:],
            defaults: try container.decodeIfPresent([String: String].self, forKey: .defaults) ?? [:]
        )
    }

    /// The mapping of `column`: the declared one, else the same-named field
    /// of `schema`; nil when the column is ignored or unknown.
    public func column(_ name: String, in schema: EntitySchema) -> Column? {
        if let declared = columns[name] { return declared }
        if schema.field(name) != nil { return Column(field: name) }
        return nil
    }
}
