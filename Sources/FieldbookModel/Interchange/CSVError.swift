/// Why a CSV text could not be read.
public enum CSVError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file has no header line.
    case empty
    /// A quoted field opened on `line` never closes.
    case unterminatedQuote(line: Int)
    /// The row on `line` has more (non-empty) fields than the header.
    case tooManyFields(line: Int, expected: Int, found: Int)

    public var description: String {
        switch self {
        case .empty: "the CSV file is empty (no header line)"
        case .unterminatedQuote(let line): "line \(line): a quoted field is never closed"
        case .tooManyFields(let line, let expected, let found):
            "line \(line): \(found) fields, but the header has \(expected) columns"
        }
    }
}
