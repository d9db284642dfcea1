/// The identity of one replica: a client install or a server.
///
/// Every device install gets a fresh ID; a reinstalled app is a new replica.
/// IDs are 1–64 characters from `A–Z a–z 0–9 _ -`, compared bytewise (UTF-8),
/// which is the order used by every tie-break in the merge.
///
/// ```swift
/// let laptop = try ReplicaID("rep-anna-laptop")
/// ```
public struct ReplicaID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The textual form, as sent on the wire.
    public let rawValue: String

    /// Creates a replica ID, validating its syntax.
    /// - Throws: ``SyncError/invalidReplicaID(_:)`` when empty, too long or using other characters.
    public init(_ rawValue: String) throws(SyncError) {
        guard ReplicaID.isValid(rawValue) else { throw .invalidReplicaID(rawValue) }
        self.rawValue = rawValue
    }

    /// Creates a replica ID from a literal known to be valid (tests, constants).
    /// Traps on an invalid literal.
    public init(unchecked rawValue: String) {
        precondition(ReplicaID.isValid(rawValue), "invalid replica ID literal")
        self.rawValue = rawValue
    }

    /// Whether `text` is a syntactically valid replica ID.
    public static func isValid(_ text: String) -> Bool {
        let bytes = text.utf8
        guard (1...64).contains(bytes.count) else { return false }
        return bytes.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
                || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F || byte == 0x2D
        }
    }

    public static func < (lhs: ReplicaID, rhs: ReplicaID) -> Bool {
        lhs.rawValue.utf8.lexicographicallyPrecedes(rhs.rawValue.utf8)
    }

    public var description: String { rawValue }
}

extension ReplicaID: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard ReplicaID.isValid(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "invalid replica ID")
            )
        }
        self.rawValue = text
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
