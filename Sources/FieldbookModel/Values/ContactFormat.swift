/// Syntax checks for e-mail addresses and phone numbers.
///
/// Deliberately permissive: they catch typing mistakes and garbage, not
/// deliverability. Phone numbers are stored as typed (`+49 711 123-45`),
/// since reps enter local formats and the country is not always known.
public enum ContactFormat {
    /// Maximum e-mail length in bytes (RFC 5321 path limit).
    public static let maxEmailLength = 254
    /// Maximum phone number length in characters.
    public static let maxPhoneLength = 32

    /// Whether `text` looks like `local@domain.tld`: one `@`, a local part of
    /// 1–64 bytes with no spaces or control characters, and a domain of
    /// dot-separated labels (letters, digits, `-`, or non-ASCII for IDNs),
    /// at least two labels, none empty or starting/ending with `-`.
    public static func isEmail(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count <= maxEmailLength, let at = bytes.firstIndex(of: UInt8(ascii: "@")),
            bytes.lastIndex(of: UInt8(ascii: "@")) == at
        else { return false }
        let local = bytes[..<at]
        let domain = bytes[(at + 1)...]
        guard (1...64).contains(local.count), local.allSatisfy({ $0 > 0x20 && $0 != 0x7F }),
            local.first != UInt8(ascii: "."), local.last != UInt8(ascii: ".")
        else { return false }
        let labels = domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        return labels.allSatisfy { label in
            guard (1...63).contains(label.count), label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-")
            else { return false }
            return label.allSatisfy { byte in
                byte >= 0x80 || DecimalNumber.isDigit(byte) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
                    || byte == UInt8(ascii: "-")
            }
        }
    }

    /// Whether `text` looks like a phone number: at most ``maxPhoneLength``
    /// characters of digits, spaces and `- / ( ) .`, an optional leading `+`,
    /// and at least 3 digits.
    public static func isPhone(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count <= maxPhoneLength else { return false }
        var digits = 0
        for (index, byte) in bytes.enumerated() {
            if DecimalNumber.isDigit(byte) {
                digits += 1
            } else if byte == UInt8(ascii: "+") {
                guard index == 0 else { return false }
            } else if !" -/().".utf8.contains(byte) {
                return false
            }
        }
        return digits >= 3
    }
}
