/// Why stored bytes could not be decoded by ``StorageCodec``.
///
/// Decoding is total: truncated, corrupted or foreign bytes always end in
/// this error, never in a crash or an unbounded allocation. The description
/// names the problem and the byte offset only — never stored values, which
/// are customer data.
public struct StorageCodecError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What was wrong with the bytes.
    public enum Reason: Hashable, Sendable {
        /// The bytes ended in the middle of a value.
        case truncated
        /// The first byte is not the tag of the kind expected (not this format,
        /// or a change where a record state was expected, or the reverse).
        case wrongKind(found: UInt8)
        /// The format version is not one this build reads.
        case unsupportedVersion(UInt8)
        /// A variable-length integer is longer than 64 bits or not minimal.
        case malformedVarint
        /// A length or count exceeds what the remaining bytes could hold.
        case lengthOutOfRange
        /// A string is not well-formed UTF-8.
        case invalidUTF8
        /// A replica table entry is not a valid, distinct replica ID.
        case invalidReplicaID
        /// A slot path does not follow the slot grammar.
        case invalidSlot
        /// A dot names no replica of the table or has a counter outside 1…2^63−1.
        case invalidDot
        /// A value, entry or operation tag is unknown.
        case invalidTag(UInt8)
        /// Valid pieces in an order or combination the encoder never writes
        /// (unsorted or repeated slots and dots, empty registers, an entry
        /// that is also superseded).
        case notCanonical
        /// Bytes follow the end of the encoded value.
        case trailingBytes
    }

    /// What was wrong.
    public var reason: Reason
    /// Byte offset at which the problem was found.
    public var offset: Int

    /// Creates an error.
    public init(_ reason: Reason, at offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    public var description: String { "stored bytes unreadable at offset \(offset): \(reason)" }
}
