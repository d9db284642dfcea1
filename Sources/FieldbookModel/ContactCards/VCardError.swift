/// Why a vCard text could not be read; `line` counts from 1 in the unfolded input.
public enum VCardError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A content line without a `:` between name and value.
    case malformedLine(line: Int, text: String)
    /// A content line outside `BEGIN:VCARD` … `END:VCARD`.
    case outsideCard(line: Int)
    /// `BEGIN:VCARD` without its `END:VCARD`.
    case unterminatedCard(startLine: Int)
    /// The input is larger than the reader accepts.
    case tooLarge(bytes: Int, limit: Int)

    public var description: String {
        switch self {
        case .malformedLine(let line, let text):
            "vCard line \(line) is not `NAME:value`: \(text.prefix(60))"
        case .outsideCard(let line): "vCard line \(line) is outside BEGIN:VCARD … END:VCARD"
        case .unterminatedCard(let startLine): "the vCard starting at line \(startLine) has no END:VCARD"
        case .tooLarge(let bytes, let limit): "vCard input of \(bytes) bytes exceeds the limit of \(limit) bytes"
        }
    }
}
