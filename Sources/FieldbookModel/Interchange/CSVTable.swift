/// A parsed CSV file (RFC 4180, plus the dirt real exports carry).
///
/// Accepts a UTF-8 byte-order mark, CRLF, LF or lone CR line ends, fields
/// quoted with `"` holding delimiters, doubled quotes and line breaks, and a
/// `,` or `;` delimiter (detected from the header line). Blank lines are
/// skipped. Every row remembers the physical line it starts on, so errors
/// can name it.
///
/// ```swift
/// let table = try CSVTable(parsing: "\u{FEFF}Name;Amount\r\n\"Müller; GmbH\";1.234,56\r\n")
/// table.header            // ["Name", "Amount"]
/// table.rows[0].line      // 2
/// ```
public struct CSVTable: Hashable, Sendable {
    /// One data row.
    public struct Row: Hashable, Sendable {
        /// The 1-based physical line the row starts on (the header is line 1).
        public let line: Int
        /// The fields as written (unquoted).
        public let fields: [String]
    }

    /// The column names of the first line, trimmed.
    public let header: [String]
    /// The data rows after the header.
    public let rows: [Row]
    /// The delimiter used: `,` or `;`.
    public let delimiter: Character

    /// Parses `text`; `delimiter` nil detects it from the header line.
    /// - Throws: ``CSVError`` for an empty file, an unterminated quote or a
    ///   row with more fields than the header.
    public init(parsing text: String, delimiter: Character? = nil) throws(CSVError) {
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        let chosen = delimiter ?? Self.detectDelimiter(body)
        let records = try Self.records(of: body, delimiter: chosen)
        guard let first = records.first else { throw CSVError.empty }
        let header = first.fields.map(TextFolding.trimmed)
        var rows: [Row] = []
        rows.reserveCapacity(records.count)
        for record in records.dropFirst() {
            if record.fields.count > header.count, record.fields[header.count...].contains(where: { !$0.isEmpty }) {
                throw CSVError.tooManyFields(line: record.line, expected: header.count, found: record.fields.count)
            }
            rows.append(record)
        }
        self.header = header
        self.rows = rows
        self.delimiter = chosen
    }

    /// The delimiter of the first line: `;` when it has more semicolons than
    /// commas outside quotes, else `,`.
    static func detectDelimiter(_ text: Substring) -> Character {
        var commas = 0, semicolons = 0, quoted = false
        for character in text {
            if character == "\"" { quoted.toggle(); continue }
            if quoted { continue }
            if character == "\n" || character == "\r" || character == "\r\n" { break }
            if character == "," { commas += 1 } else if character == ";" { semicolons += 1 }
        }
        return semicolons > commas ? ";" : ","
    }

    /// Splits the text into records; blank lines are dropped.
    private static func records(of text: Substring, delimiter: Character) throws(CSVError) -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field = ""
        var line = 1, rowLine = 1
        var quoted = false, wasQuoted = false, quoteLine = 1
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        let delimiterScalar = delimiter.unicodeScalars.first!

        func endRow() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty && !wasQuoted) { rows.append(Row(line: rowLine, fields: fields)) }
            fields = []
            field = ""
            wasQuoted = false
        }

        while let scalar = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" {
                        field.unicodeScalars.append("\"")
                    } else {
                        quoted = false
                        pending = next
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    if scalar == "\r" {
                        let next = iterator.next()
                        line += 1
                        field.unicodeScalars.append("\n")  // CRLF or CR inside a field reads as LF
                        if next != "\n" { pending = next }
                        continue
                    }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty && !wasQuoted:
                quoted = true
                wasQuoted = true
                quoteLine = line
            case delimiterScalar:
                fields.append(field)
                field = ""
                wasQuoted = false
            case "\r", "\n":
                if scalar == "\r" {
                    let next = iterator.next()
                    if next != "\n" { pending = next }
                }
                endRow()
                line += 1
                rowLine = line
            default:
                if fields.isEmpty, field.isEmpty, !wasQuoted { rowLine = line }
                field.unicodeScalars.append(scalar)
            }
        }
        if quoted { throw CSVError.unterminatedQuote(line: quoteLine) }
        if !field.isEmpty || !fields.isEmpty || wasQuoted { endRow() }
        return rows
    }
}
