/// Appends the primitives of the storage encoding to a byte buffer.
///
/// - varint: unsigned LEB128, 7 bits per byte, least significant group first,
///   minimal length (at most 10 bytes);
/// - fixed64: 8 bytes, little-endian;
/// - string: varint byte count, then the UTF-8 bytes exactly as stored in the
///   `String` (never normalised: NFC and NFD spellings stay distinct).
struct StorageWriter {
    /// The bytes written so far.
    private(set) var bytes: [UInt8]

    /// An empty writer with room for `capacity` bytes.
    init(capacity: Int) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    mutating func byte(_ byte: UInt8) { bytes.append(byte) }

    /// Appends bytes already encoded.
    mutating func append(_ other: StorageWriter) { bytes.append(contentsOf: other.bytes) }

    mutating func varint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(truncatingIfNeeded: rest))
    }

    mutating func count(_ count: Int) { varint(UInt64(count)) }

    /// A signed integer, zigzag-mapped so small magnitudes stay short.
    mutating func signed(_ value: Int64) {
        varint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    mutating func fixed64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ text: String) {
        let utf8 = text.utf8
        count(utf8.count)
        bytes.append(contentsOf: utf8)
    }
}
