/// A plain-text table with aligned columns, for human output.
///
/// ```
/// ID        NAME          CITY
/// acc-1     Müller GmbH   Stuttgart
/// ```
public struct TextTable: Sendable {
    /// Column headings.
    public var headers: [String]
    /// Rows of cells; short rows are padded.
    public var rows: [[String]]

    /// Creates a table.
    public init(headers: [String], rows: [[String]]) {
        self.headers = headers
        self.rows = rows
    }

    /// The table as text: a header line, then one line per row; cells are
    /// padded to the widest cell of their column (in characters), and
    /// overlong cells are cut at `maxCellWidth` with an ellipsis.
    public func render(maxCellWidth: Int = 40) -> String {
        let clipped = ([headers] + rows).map { row in
            (0..<headers.count).map { index -> String in
                let cell = index < row.count ? row[index] : ""
                let flat = cell.split(whereSeparator: \.isNewline).joined(separator: " ")
                return flat.count > maxCellWidth ? String(flat.prefix(maxCellWidth - 1)) + "…" : flat
            }
        }
        let widths = (0..<headers.count).map { column in clipped.map { $0[column].count }.max() ?? 0 }
        return clipped.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }
            .joined(separator: "  ")
        }
        .joined(separator: "\n")
    }
}
