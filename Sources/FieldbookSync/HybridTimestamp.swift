/// A hybrid logical clock reading: wall-clock milliseconds plus a logical counter.
///
/// Timestamps order changes only to break ties between *concurrent* writes;
/// causality is decided by dots and supersede lists, never by time.
/// On the wire a timestamp is 16 lowercase hex digits: 12 for `millis`
/// (Unix epoch milliseconds, UTC) followed by 4 for `logical`, so that string
/// order equals timestamp order, e.g. `"019ab2c3d4e50001"`.
public struct HybridTimestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Largest representable wall time (2^48 − 1 ms, the year 10889).
    public static let maxMillis: UInt64 = (1 << 48) - 1

    /// Milliseconds since 1970-01-01T00:00:00Z.
    public var millis: UInt64
    /// Counter that orders readings within one millisecond.
    public var logical: UInt16

    /// The zero timestamp, earlier than every real one.
    public static let zero = HybridTimestamp(millis: 0, logical: 0)

    /// Creates a timestamp; `millis` is clamped to ``maxMillis``.
    public init(millis: UInt64, logical: UInt16 = 0) {
        self.millis = min(millis, HybridTimestamp.maxMillis)
        self.logical = logical
    }

    public static func < (lhs: HybridTimestamp, rhs: HybridTimestamp) -> Bool {
        (lhs.millis, lhs.logical) < (rhs.millis, rhs.logical)
    }

    /// The 16-hex-digit wire form.
    public var description: String {
        let millisHex = String(millis, radix: 16)
        let logicalHex = String(logical, radix: 16)
        return String(repeating: "0", count: 12 - millisHex.count) + millisHex
            + String(repeating: "0", count: 4 - logicalHex.count) + logicalHex
    }

    /// Parses the 16-hex-digit wire form; nil for anything else.
    public init?(parsing text: String) {
        let utf8 = Array(text.utf8)
        guard utf8.count == 16,
            utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }),
            let millis = UInt64(String(decoding: utf8[0..<12], as: UTF8.self), radix: 16),
            let logical = UInt16(String(decoding: utf8[12..<16], as: UTF8.self), radix: 16)
        else { return nil }
        self.init(millis: millis, logical: logical)
    }

    /// The smallest timestamp greater than this one; the largest
    /// representable timestamp is its own successor (saturation, never wrap).
    public func successor() -> HybridTimestamp {
        if logical == UInt16.max {
            guard millis < HybridTimestamp.maxMillis else { return self }
            return HybridTimestamp(millis: millis + 1, logical: 0)
        }
        return HybridTimestamp(millis: millis, logical: logical + 1)
    }
}

extension HybridTimestamp: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = HybridTimestamp(parsing: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "invalid HLC timestamp, expected 16 hex digits")
            )
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
