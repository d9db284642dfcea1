import FieldbookModel

/// Renders a ``ReportResult`` for the terminal: a summary line, each table
/// with numbers right-aligned, and a horizontal bar chart (Unicode blocks)
/// of the table's chart column, no wider than `width` characters.
enum ReportRenderer {
    /// Eighths of a block, for bars with sub-character precision.
    static let partialBlocks = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// The whole report as text.
    static func text(_ result: ReportResult, width: Int = 80) -> String {
        var parts: [String] = []
        let summary = result.summary.map { "\($0.key): \($0.value)" }.joined(separator: "  ")
        parts.append("Report \(result.kind.rawValue)" + (summary.isEmpty ? "" : " — " + summary))
        for section in result.sections {
            guard !section.rows.isEmpty else {
                parts.append("\(section.title): no data.")
                continue
            }
            parts.append(section.title + "\n" + table(section))
            if let chart = bars(section, width: width) { parts.append(chart) }
        }
        return parts.joined(separator: "\n\n")
    }

    /// The section as an aligned table (numeric columns right-aligned).
    static func table(_ section: ReportSection) -> String {
        var rows = section.rows.map { $0.map(\.description) }
        for column in section.columns.indices where section.rows.contains(where: { $0[column].isNumeric }) {
            let width = max(section.columns[column].title.count, rows.map { $0[column].count }.max() ?? 0)
            for index in rows.indices {
                rows[index][column] = String(repeating: " ", count: width - rows[index][column].count) + rows[index][column]
            }
        }
        return TextTable(headers: section.columns.map { $0.title.uppercased() }, rows: rows).render()
    }

    /// A bar per row for the section's chart column; nil without one.
    /// Labels are the row's key cells (text cells before the first number,
    /// without the display name),
    /// bars scale to the largest value, negative values draw no bar.
    static func bars(_ section: ReportSection, width: Int) -> String? {
        guard let chart = section.chart, let column = section.columns.firstIndex(where: { $0.key == chart }) else {
            return nil
        }
        let keyColumns = section.columns.indices.prefix { index in section.rows.allSatisfy { !$0[index].isNumeric } }
        let labelColumns = keyColumns.filter { section.columns[$0].key != "name" }.prefix(2)
        let labels = section.rows.map { row in labelColumns.map { row[$0].description }.joined(separator: " ") }
        let values = section.rows.map { row in scaledValue(row[column].number) }
        let largest = values.max() ?? 0
        let labelWidth = min(24, labels.map(\.count).max() ?? 0)
        let valueTexts = section.rows.map { $0[column].description }
        let valueWidth = valueTexts.map(\.count).max() ?? 0
        let barWidth = max(10, min(50, width - labelWidth - valueWidth - 4))
        var lines = ["\(section.columns[column].title) ▸"]
        for (index, label) in labels.enumerated() {
            let shown = label.count > labelWidth ? String(label.prefix(labelWidth - 1)) + "…" : label
            let eighths = largest > 0 ? Int((values[index] * Double(barWidth * 8) / largest).rounded()) : 0
            let bar = String(repeating: "█", count: eighths / 8) + partialBlocks[eighths % 8]
            lines.append(
                shown + String(repeating: " ", count: labelWidth - shown.count) + "  "
                    + bar + String(repeating: " ", count: barWidth - bar.count) + "  " + valueTexts[index]
            )
        }
        return lines.joined(separator: "\n")
    }

    /// A chart value as a Double — only for bar lengths, never for figures.
    private static func scaledValue(_ number: DecimalNumber?) -> Double {
        guard let number, !number.isNegative else { return 0 }
        return Double(number.description) ?? 0
    }
}

extension JSONValue {
    /// The CLI's JSON form of an API JSON value (reports share one JSON shape).
    init(_ value: RecordJSONValue) {
        switch value {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .integer(let number): self = .int(number)
        case .fraction(let number): self = .string(String(number))
        case .string(let text): self = .string(text)
        case .array(let elements): self = .array(elements.map(JSONValue.init))
        case .object(let members): self = .object(members.mapValues(JSONValue.init))
        }
    }
}
