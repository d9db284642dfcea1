/// Reads the primitives of the storage encoding (see ``StorageWriter``)
/// from a byte buffer, checking every read against the bytes remaining.
///
/// Every length and count is checked against what the remaining bytes could
/// hold before anything is allocated, so corrupted input can never make the
/// reader allocate more than a small multiple of the input size.
struct StorageReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    /// Offset of the next byte to read.
    private(set) var offset = 0
    /// How many replica table entries dots have used so far: the table lists
    /// replicas in order of first use, so a dot may only name one of these
    /// or the next one.
    var replicasUsed = 0

    /// A reader over `bytes`, which must stay valid while it is used.
    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Bytes not yet read.
    var remaining: Int { bytes.count - offset }

    /// The error `reason` at the current offset.
    func error(_ reason: StorageCodecError.Reason) -> StorageCodecError { StorageCodecError(reason, at: offset) }

    mutating func byte() throws(StorageCodecError) -> UInt8 {
        guard offset < bytes.count else { throw error(.truncated) }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func varint() throws(StorageCodecError) -> UInt64 {
        let start = offset
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try byte()
            let group = UInt64(byte & 0x7F)
            // The tenth byte may only carry the 64th bit.
            guard shift < 63 || group <= 1 else { throw StorageCodecError(.malformedVarint, at: start) }
            value |= group << shift
            guard byte & 0x80 != 0 else {
                // Minimal: a final zero group only for the value 0 itself.
                guard byte != 0 || shift == 0 else { throw StorageCodecError(.malformedVarint, at: start) }
                return value
            }
            shift += 7
        }
    }

    /// A zigzag-mapped signed integer.
    mutating func signed() throws(StorageCodecError) -> Int64 {
        let raw = try varint()
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    /// A count of elements that each take at least `minimumSize` bytes:
    /// larger than the remaining bytes allow means corruption.
    mutating func count(minimumSize: Int = 1) throws(StorageCodecError) -> Int {
        let start = offset
        let value = try varint()
        guard value <= UInt64(remaining / max(minimumSize, 1)) else {
            throw StorageCodecError(.lengthOutOfRange, at: start)
        }
        return Int(value)
    }

    mutating func fixed64() throws(StorageCodecError) -> UInt64 {
        guard remaining >= 8 else { throw error(.truncated) }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
        offset += 8
        return value
    }

    /// A length-prefixed, well-formed UTF-8 string (bytes kept as stored).
    mutating func string() throws(StorageCodecError) -> String {
        let start = offset
        let length = try count()
        let slice = UnsafeBufferPointer(rebasing: bytes[offset..<(offset + length)])
        guard Self.isWellFormedUTF8(slice) else { throw StorageCodecError(.invalidUTF8, at: start) }
        offset += length
        return String(decoding: slice, as: UTF8.self)
    }

    /// Checks that everything was read and every replica of `replicas` used.
    func finish(_ replicas: [ReplicaID]) throws(StorageCodecError) {
        guard remaining == 0 else { throw error(.trailingBytes) }
        guard replicasUsed == replicas.count else { throw error(.notCanonical) }
    }

    /// Whether `bytes` is well-formed UTF-8 (Unicode 15, table 3-7): no
    /// overlong forms, surrogates or code points above U+10FFFF.
    static func isWellFormedUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let end = bytes.count
        while index < end {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xED: length = 3; high = 0x9F
            case 0xE1...0xEF: length = 3
            case 0xF0: length = 4; low = 0x90
            case 0xF4: length = 4; high = 0x8F
            case 0xF1...0xF3: length = 4
            default: return false
            }
            guard end - index >= length, (low...high).contains(bytes[index + 1]) else { return false }
            for next in (index + 2)..<(index + length) where bytes[next] & 0xC0 != 0x80 { return false }
            index += length
        }
        return true
    }
}
