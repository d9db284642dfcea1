/// One value of a report table.
public enum ReportCell: Hashable, Sendable, CustomStringConvertible {
    /// A key or label; JSON string.
    case text(String)
    /// A count; JSON integer.
    case count(Int)
    /// Money, two decimals; JSON string such as `"1234.50"`.
    case amount(DecimalNumber)
    /// A percentage or another two-decimal figure (hours); JSON string.
    case decimal(DecimalNumber)
    /// No value (e.g. a win rate without closed opportunities); JSON null.
    case none

    /// The value as JSON: decimals as strings with two decimals (as records
    /// carry amounts), counts as integers.
    public var json: RecordJSONValue {
        switch self {
        case .text(let text): .string(text)
        case .count(let count): .integer(Int64(count))
        case .amount(let number), .decimal(let number): .string(Self.twoDecimals(number))
        case .none: .null
        }
    }

    /// How the cell reads in a table.
    public var description: String {
        switch self {
        case .text(let text): text
        case .count(let count): String(count)
        case .amount(let number), .decimal(let number): Self.twoDecimals(number)
        case .none: "–"
        }
    }

    /// The number behind the cell (for bar charts); nil for text and none.
    public var number: DecimalNumber? {
        switch self {
        case .count(let count): DecimalNumber(Int64(count))
        case .amount(let number), .decimal(let number): number
        case .text, .none: nil
        }
    }

    /// Whether the cell is right-aligned in tables (numbers).
    public var isNumeric: Bool { number != nil }

    private static func twoDecimals(_ number: DecimalNumber) -> String {
        (try? number.canonicalText(scale: 2)) ?? number.description
    }
}

/// A column of a report table: its JSON member name and its table heading.
public struct ReportColumn: Hashable, Sendable {
    /// The JSON member name (stable).
    public var key: String
    /// The table heading.
    public var title: String

    /// Creates a column.
    public init(_ key: String, _ title: String) {
        self.key = key
        self.title = title
    }
}

/// One table of a report: rows of cells under columns, the first column
/// being the row's key.
public struct ReportSection: Hashable, Sendable {
    /// The JSON member name holding the rows (an array of objects).
    public var name: String
    /// Table title.
    public var title: String
    /// The columns.
    public var columns: [ReportColumn]
    /// The rows, each with one cell per column.
    public var rows: [[ReportCell]]
    /// The column key drawn as a bar chart; nil for none.
    public var chart: String?

    /// Creates a section.
    public init(name: String, title: String, columns: [ReportColumn], rows: [[ReportCell]], chart: String? = nil) {
        self.name = name
        self.title = title
        self.columns = columns
        self.rows = rows
        self.chart = chart
    }

    /// The row whose key cells (the first `keys.count` columns) read `keys`,
    /// as a dictionary by column key.
    public func row(_ keys: String...) -> [String: ReportCell]? {
        rows.first { row in
            keys.enumerated().allSatisfy { index, key in index < row.count && row[index].description == key }
        }.map(object(of:))
    }

    /// A row as a dictionary by column key.
    public func object(of row: [ReportCell]) -> [String: ReportCell] {
        Dictionary(uniqueKeysWithValues: zip(columns.map(\.key), row))
    }

    /// The rows as a JSON array of objects.
    public var json: RecordJSONValue {
        .array(rows.map { row in .object(object(of: row).mapValues(\.json)) })
    }
}

/// A computed report: the report's name, the filter applied, summary
/// figures and its tables.
///
/// JSON (``json``): `{"report": name, "filter": {…}, "summary": {…}, <section name>: [rows…]…}`.
public struct ReportResult: Hashable, Sendable {
    /// Which report.
    public var kind: ReportKind
    /// The filter applied.
    public var filter: ReportFilter
    /// Summary figures by key, in display order.
    public var summary: [(key: String, value: ReportCell)]
    /// The tables.
    public var sections: [ReportSection]

    /// Creates a result.
    public init(kind: ReportKind, filter: ReportFilter, summary: [(key: String, value: ReportCell)], sections: [ReportSection]) {
        self.kind = kind
        self.filter = filter
        self.summary = summary
        self.sections = sections
    }

    /// The summary figure `key`.
    public func summary(_ key: String) -> ReportCell? { summary.first { $0.key == key }?.value }

    /// The section named `name`.
    public func section(_ name: String) -> ReportSection? { sections.first { $0.name == name } }

    /// The report as JSON with stable member names.
    public var json: RecordJSONValue {
        var members: [String: RecordJSONValue] = [
            "report": .string(kind.rawValue), "filter": filter.json,
            "summary": .object(Dictionary(summary.map { ($0.key, $0.value.json) }, uniquingKeysWith: { first, _ in first })),
        ]
        for section in sections { members[section.name] = section.json }
        return .object(members)
    }

    public static func == (lhs: ReportResult, rhs: ReportResult) -> Bool {
        lhs.kind == rhs.kind && lhs.filter == rhs.filter && lhs.sections == rhs.sections
            && lhs.summary.map(\.key) == rhs.summary.map(\.key) && lhs.summary.map(\.value) == rhs.summary.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(sections)
    }
}
