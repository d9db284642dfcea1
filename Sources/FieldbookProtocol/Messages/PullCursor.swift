/// An opaque position in the server's change log, handed out by the server
/// in every ``PullResponse`` and sent back unchanged in the next ``PullRequest``.
///
/// Clients store a cursor in the same local transaction as the page it came
/// with and never look inside it. On the wire it is a string of 1–1024
/// printable ASCII characters (`0x21`–`0x7E`); servers choose the encoding
/// (see `Protocol/SYNC.md`, "Cursors").
public struct PullCursor: Hashable, Sendable, CustomStringConvertible {
    /// Longest accepted cursor, in bytes.
    public static let maxLength = 1024

    /// The cursor text, exactly as received.
    public let rawValue: String

    /// Wraps a cursor string; nil when empty, longer than ``maxLength`` or not printable ASCII.
    public init?(_ rawValue: String) {
        guard PullCursor.isValid(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    /// Whether `text` is a syntactically valid cursor.
    public static func isValid(_ text: String) -> Bool {
        let bytes = text.utf8
        return (1...maxLength).contains(bytes.count) && bytes.allSatisfy { (0x21...0x7E).contains($0) }
    }

    /// A generic description: cursors are server-internal, so they are not logged verbatim.
    public var description: String { "cursor(\(rawValue.utf8.count) bytes)" }
}

extension PullCursor: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let cursor = PullCursor(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "invalid cursor: expected 1–1024 printable ASCII characters")
            )
        }
        self = cursor
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
