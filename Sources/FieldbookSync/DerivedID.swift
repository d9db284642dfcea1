/// Deterministic IDs for records derived from another record, so that two
/// replicas deriving the same thing offline (two reps converting one lead)
/// create the same record instead of duplicates.
///
/// The ID is a UUID (RFC 9562, version 8) built from
/// `SHA-256("fieldbook-derived-v1" 0x00 source 0x00 role)`: the first 16
/// bytes of the digest with byte 6's high nibble set to `8` (version) and
/// byte 8's top two bits set to `10` (variant), printed lowercase with dashes.
///
/// ```swift
/// let account = DerivedID.make(from: leadID, role: "lead-conversion/account")
/// ```
public enum DerivedID {
    /// The domain-separation prefix hashed before every input.
    public static let prefix = "fieldbook-derived-v1"

    /// The ID derived from `source` (usually a record ID) for `role`.
    public static func make(from source: String, role: String) -> String {
        var input = Array(prefix.utf8)
        input.append(0)
        input.append(contentsOf: source.utf8)
        input.append(0)
        input.append(contentsOf: role.utf8)
        var bytes = Array(SHA256.hash(input).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x80
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }
        return [hex[0..<4], hex[4..<6], hex[6..<8], hex[8..<10], hex[10..<16]]
            .map { $0.joined() }.joined(separator: "-")
    }
}
