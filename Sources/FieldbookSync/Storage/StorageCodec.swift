/// The compact binary encoding of ``RecordState`` and ``Change`` used by the
/// client and server stores. It is a **storage** format: the wire stays JSON.
///
/// ```swift
/// let bytes = StorageCodec.encode(state)
/// let again = try StorageCodec.recordState(from: bytes)   // == state
/// ```
///
/// Decoding is total: truncated or corrupted bytes throw
/// ``StorageCodecError``; they never crash and never make the decoder
/// allocate beyond a small multiple of the input size. Decoding accepts only
/// what the encoder writes (sorted, deduplicated, minimal), so every value
/// has exactly one encoding.
///
/// ## Format, version 1
/// Primitives (see `StorageWriter`): *varint* = unsigned LEB128, minimal;
/// *signed* = zigzag varint; *fixed64* = 8 bytes little-endian; *string* =
/// varint byte count + UTF-8 bytes as stored (not normalised); *time* =
/// fixed64 of `millis << 16 | logical`; *dot* = varint position in the replica
/// table + varint counter; *dots* = varint count + dots; *replica table* =
/// varint count + replica IDs as strings, in order of first use.
/// *value* = tag byte (low 3 bits: 0 null, 1 false, 2 true, 3 int → signed
/// follows, 4 text → string follows) with flag bits saying which optional
/// dot lists follow.
///
/// ```text
/// record state: 0x53 'S', 0x01, string entity, string id, replica table,
///   varint slot count, slots in ascending bytewise path order:
///     string path, varint entry count, entries (winner first):
///       dot, time, value tag (| 0x08: covers follow), payload, [dots covers]
///     dots superseded (ascending)
/// change: 0x43 'C', 0x01, string entity, string record, replica table,
///   dot, time, varint op count, ops in slot order:
///     string slot, tag (0–4 as above, 5 = removal; | 0x10: supersedes
///     follow, | 0x08: covers follow), payload, [dots supersedes], [dots covers]
/// ```
/// A later version bumps the second byte; readers refuse versions they do
/// not know (``StorageCodecError/Reason/unsupportedVersion(_:)``).
public enum StorageCodec {
    /// The format version this build writes (and the newest it reads).
    public static let formatVersion: UInt8 = 1

    /// First byte of an encoded record state (`S`).
    static let recordStateTag: UInt8 = 0x53
    /// First byte of an encoded change (`C`).
    static let changeTag: UInt8 = 0x43

    // Value tags (low three bits of an entry or operation tag byte).
    static let nullTag: UInt8 = 0
    static let falseTag: UInt8 = 1
    static let trueTag: UInt8 = 2
    static let intTag: UInt8 = 3
    static let textTag: UInt8 = 4
    /// An operation without a value (a removal).
    static let removalTag: UInt8 = 5
    static let valueMask: UInt8 = 0x07
    /// Flag: a list of covered dots follows (entries and operations).
    static let coversFlag: UInt8 = 0x08
    /// Flag: a list of superseded dots follows (operations).
    static let supersedesFlag: UInt8 = 0x10

    static func writeHeader(_ tag: UInt8, to writer: inout StorageWriter) {
        writer.byte(tag)
        writer.byte(formatVersion)
    }

    static func tag(of value: Value) -> UInt8 {
        switch value {
        case .null: nullTag
        case .bool(let flag): flag ? trueTag : falseTag
        case .int: intTag
        case .text: textTag
        }
    }

    /// Writes what follows a value's tag.
    static func writePayload(of value: Value, to writer: inout StorageWriter) {
        switch value {
        case .null, .bool: break
        case .int(let number): writer.signed(number)
        case .text(let text): writer.string(text)
        }
    }

    /// Runs `body` on the bytes of `bytes`.
    static func withBuffer<T>(
        _ bytes: UnsafeRawBufferPointer, _ body: (UnsafeBufferPointer<UInt8>) throws(StorageCodecError) -> T
    ) throws(StorageCodecError) -> T {
        let result: Result<T, StorageCodecError> = bytes.withMemoryRebound(to: UInt8.self) { buffer in
            Result { () throws(StorageCodecError) -> T in try body(buffer) }
        }
        return try result.get()
    }
}

extension StorageReader {
    /// Checks the kind tag and version of an encoded value.
    mutating func header(_ tag: UInt8) throws(StorageCodecError) {
        let found = try byte()
        guard found == tag else { throw StorageCodecError(.wrongKind(found: found), at: offset - 1) }
        let version = try byte()
        guard version == StorageCodec.formatVersion else {
            throw StorageCodecError(.unsupportedVersion(version), at: offset - 1)
        }
    }

    /// Reads the payload of a value with tag `tag` (low bits already isolated).
    mutating func value(tag: UInt8, at start: Int) throws(StorageCodecError) -> Value {
        switch tag {
        case StorageCodec.nullTag: return .null
        case StorageCodec.falseTag: return .bool(false)
        case StorageCodec.trueTag: return .bool(true)
        case StorageCodec.intTag: return .int(try signed())
        case StorageCodec.textTag: return .text(try string())
        default: throw StorageCodecError(.invalidTag(tag), at: start)
        }
    }

    /// Reads a slot path, validated against the slot grammar.
    mutating func slot() throws(StorageCodecError) -> Slot {
        let start = offset
        let path = try string()
        do { return try Slot(path: path) } catch { throw StorageCodecError(.invalidSlot, at: start) }
    }

    /// Reads a hybrid timestamp.
    mutating func time() throws(StorageCodecError) -> HybridTimestamp {
        let raw = try fixed64()
        return HybridTimestamp(millis: raw >> 16, logical: UInt16(truncatingIfNeeded: raw))
    }
}

extension StorageWriter {
    mutating func time(_ time: HybridTimestamp) {
        fixed64(time.millis << 16 | UInt64(time.logical))
    }
}
