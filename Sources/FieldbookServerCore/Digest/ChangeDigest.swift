import FieldbookSync

/// SHA-256 over a change's canonical encoding: what the server keeps with a
/// decision to tell a retried change from a different change reusing its dot
/// (`dot_reused`, SYNC.md §11.2 step 2).
///
/// The encoding is defined here, not borrowed from a JSON encoder, so that it
/// never changes with a library version (a changed digest would turn every
/// retry into `dot_reused`). Unknown JSON members are not part of a decoded
/// ``Change`` and so not part of the digest (SYNC.md §10). Layout, with
/// `str(s)` = 4-byte big-endian UTF-8 length followed by the bytes and
/// `dots(d)` = 4-byte big-endian count followed by `str` of each dot's wire
/// form in canonical order:
///
/// ```
/// "fieldbook-change-v1" 0x00
/// str(entity) str(record) str(dot) str(time) u32(op count)
/// per op, by slot bytewise: str(slot) value dots(supersedes) dots(covers)
/// value: 0x00 removal | 0x01 null | 0x02 bool byte | 0x03 int64 big-endian | 0x04 str(text)
/// ```
///
/// ```swift
/// if stored.digest != ChangeDigest(of: pushed) { return .rejected(dot, code: .dotReused, …) }
/// ```
public struct ChangeDigest: Hashable, Sendable, CustomStringConvertible {
    /// The 32 digest bytes.
    public let bytes: [UInt8]

    /// The digest of `change`.
    public init(of change: Change) {
        bytes = SHA256.hash(ChangeDigest.canonicalEncoding(of: change))
    }

    /// Restores a digest from its 64 lowercase hex digits (as a store keeps it).
    public init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == 64 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for index in stride(from: 0, to: 64, by: 2) {
            guard let high = Hex.value(of: digits[index]), let low = Hex.value(of: digits[index + 1]) else {
                return nil
            }
            bytes.append(high << 4 | low)
        }
        self.bytes = bytes
    }

    /// 64 lowercase hex digits.
    public var hex: String { Hex.encode(bytes) }

    public var description: String { hex }

    /// The canonical byte encoding the digest is computed over.
    public static func canonicalEncoding(of change: Change) -> [UInt8] {
        var out: [UInt8] = Array("fieldbook-change-v1".utf8)
        out.append(0)
        appendString(change.entity, to: &out)
        appendString(change.record, to: &out)
        appendString(change.dot.description, to: &out)
        appendString(change.time.description, to: &out)
        let ops = change.ops.sorted { $0.slot < $1.slot }
        appendCount(ops.count, to: &out)
        for op in ops {
            appendString(op.slot.path, to: &out)
            switch op.value {
            case nil: out.append(0)
            case .null?: out.append(1)
            case .bool(let flag)?: out += [2, flag ? 1 : 0]
            case .int(let number)?:
                out.append(3)
                let raw = UInt64(bitPattern: number)
                for shift in stride(from: 56, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: raw >> UInt64(shift))) }
            case .text(let text)?:
                out.append(4)
                appendString(text, to: &out)
            }
            appendDots(op.supersedes, to: &out)
            appendDots(op.covers, to: &out)
        }
        return out
    }

    private static func appendDots(_ dots: [Dot], to out: inout [UInt8]) {
        let sorted = Set(dots).sorted()
        appendCount(sorted.count, to: &out)
        for dot in sorted { appendString(dot.description, to: &out) }
    }

    private static func appendString(_ text: String, to out: inout [UInt8]) {
        appendCount(text.utf8.count, to: &out)
        out += text.utf8
    }

    private static func appendCount(_ count: Int, to out: inout [UInt8]) {
        let value = UInt32(truncatingIfNeeded: count)
        out += [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }
}
