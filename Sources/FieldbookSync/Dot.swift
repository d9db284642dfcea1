/// A unique event identifier: the `counter`-th change made by `replica`.
///
/// Each replica numbers its changes 1, 2, 3, … across all records, so a dot
/// names exactly one change everywhere. On the wire a dot is the string
/// `"<replica>:<counter>"`, e.g. `"rep-anna:42"`.
public struct Dot: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The replica that made the change.
    public var replica: ReplicaID
    /// The replica's change counter, starting at 1.
    public var counter: UInt64

    /// Creates a dot.
    public init(replica: ReplicaID, counter: UInt64) {
        self.replica = replica
        self.counter = counter
    }

    /// Total order used only to make encodings canonical: by replica, then counter.
    public static func < (lhs: Dot, rhs: Dot) -> Bool {
        lhs.replica != rhs.replica ? lhs.replica < rhs.replica : lhs.counter < rhs.counter
    }

    public var description: String { "\(replica.rawValue):\(counter)" }

    /// Parses the wire form `"<replica>:<counter>"`.
    public init?(parsing text: String) {
        guard let colon = text.lastIndex(of: ":"),
            let counter = UInt64(text[text.index(after: colon)...]), counter > 0,
            let replica = try? ReplicaID(String(text[..<colon]))
        else { return nil }
        self.init(replica: replica, counter: counter)
    }
}

extension Dot: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let dot = Dot(parsing: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "invalid dot, expected replica:counter")
            )
        }
        self = dot
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
