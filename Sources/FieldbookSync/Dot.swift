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

    /// Largest counter: 2^63 − 1, so counters fit a signed 64-bit integer
    /// in every language and database.
    public static let maxCounter: UInt64 = UInt64(Int64.max)

    /// Parses the canonical wire form `"<replica>:<counter>"`: the counter is
    /// decimal digits without sign or leading zero, 1 … 2^63 − 1.
    public init?(parsing text: String) {
        guard let colon = text.utf8.lastIndex(of: 0x3A) else { return nil }
        let digits = text.utf8[text.utf8.index(after: colon)...]
        guard let first = digits.first, first != 0x30, digits.count <= 19,
            digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            let counter = UInt64(Substring(digits)), counter <= Dot.maxCounter,
            let replica = try? ReplicaID(String(Substring(text.utf8[..<colon])))
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
