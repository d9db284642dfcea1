/// Writes RFC 4180 CSV: CRLF line ends, fields quoted when they hold the
/// delimiter, a quote, a line break or leading/trailing spaces; quotes doubled.
///
/// ```swift
/// var writer = CSVWriter()
/// writer.append(["id", "name"])
/// writer.append(["a1", "Müller, \"Bau\""])
/// writer.text   // "id,name\r\na1,\"Müller, \"\"Bau\"\"\"\r\n"
/// ```
public struct CSVWriter: Sendable {
    /// The CSV written so far.
    public private(set) var text = ""
    /// The delimiter, `,` by default.
    public let delimiter: Character

    /// A writer using `delimiter`.
    public init(delimiter: Character = ",") { self.delimiter = delimiter }

    /// Appends one row.
    public mutating func append(_ fields: [String]) {
        text += fields.map(quoted).joined(separator: String(delimiter))
        text += "\r\n"
    }

    /// `field` quoted when it needs to be.
    public func quoted(_ field: String) -> String {
        let needsQuotes = field.contains { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || field.first == " " || field.last == " "
        guard needsQuotes else { return field }
        var result = "\""
        for character in field { result += character == "\"" ? "\"\"" : String(character) }
        return result + "\""
    }
}
