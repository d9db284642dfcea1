import FieldbookSync

/// Bearer tokens of devices: `fbk_` followed by 32 random bytes in base64url
/// (no padding). The server stores only ``digest(of:)`` of a token, so a
/// leaked directory database gives no usable tokens.
public enum DeviceToken {
    /// The prefix of every token (lets secret scanners recognise leaked tokens).
    public static let prefix = "fbk_"
    /// Random bytes per token.
    public static let byteCount = 32

    /// A new token from the system's secure random number generator.
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(byteCount)
        for _ in 0..<byteCount { bytes.append(generator.next()) }
        return prefix + base64URL(bytes)
    }

    /// Whether `text` has a token's shape (prefix, length, alphabet); cheap
    /// screening before any database look-up.
    public static func isWellFormed(_ text: String) -> Bool {
        guard text.hasPrefix(prefix) else { return false }
        let body = text.utf8.dropFirst(prefix.utf8.count)
        return body.count == (byteCount * 4 + 2) / 3
            && body.allSatisfy { byte in
                (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                    || byte == 0x2D || byte == 0x5F
            }
    }

    /// The SHA-256 of the token's UTF-8 bytes: what the directory stores.
    public static func digest(of token: String) -> [UInt8] {
        SHA256.hash(Array(token.utf8))
    }

    /// Compares two byte strings in time independent of where they differ.
    public static func constantTimeEquals(_ left: [UInt8], _ right: [UInt8]) -> Bool {
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }

    /// Base64url without padding (RFC 4648 §5).
    static func base64URL(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            var value: UInt32 = 0
            for (offset, byte) in chunk.enumerated() { value |= UInt32(byte) << (16 - 8 * UInt32(offset)) }
            let characters = chunk.count + 1
            for position in 0..<characters {
                output.append(alphabet[Int((value >> (18 - 6 * UInt32(position))) & 0x3F)])
            }
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }
}
