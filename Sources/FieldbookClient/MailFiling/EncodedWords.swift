import Foundation

/// RFC 2047 encoded words (`=?UTF-8?Q?M=C3=BCller?=`) and the charsets mail uses.
enum EncodedWords {
    /// Decodes every encoded word in a header value; whitespace between two
    /// adjacent encoded words is dropped, as RFC 2047 §6.2 requires.
    static func decode(_ text: String) -> String {
        guard text.contains("=?") else { return text }
        var result = ""
        var rest = Substring(text)
        var previousWasEncoded = false
        while let start = rest.range(of: "=?") {
            let before = rest[..<start.lowerBound]
            if let (decoded, end) = word(in: rest[start.lowerBound...]) {
                if !(previousWasEncoded && before.allSatisfy({ $0 == " " || $0 == "\t" })) { result += before }
                result += decoded
                rest = rest[end...]
                previousWasEncoded = true
            } else {
                result += rest[..<start.upperBound]
                rest = rest[start.upperBound...]
                previousWasEncoded = false
            }
        }
        return result + rest
    }

    /// One encoded word at the start of `text`: its decoded text and where it ends.
    private static func word(in text: Substring) -> (String, Substring.Index)? {
        let parts = text.dropFirst(2).split(separator: "?", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, parts[3].hasPrefix("=") else { return nil }
        let charset = String(parts[0]).split(separator: "*").first.map(String.init) ?? ""
        let payload = parts[2]
        let bytes: [UInt8]?
        switch parts[1].uppercased() {
        case "B": bytes = Data(base64Encoded: String(payload), options: .ignoreUnknownCharacters).map { Array($0) }
        case "Q": bytes = QuotedPrintable.decode(payload.replacingOccurrences(of: "_", with: " "))
        default: bytes = nil
        }
        guard let bytes else { return nil }
        return (decodeCharset(bytes, charset: charset), text.index(parts[3].startIndex, offsetBy: 1))
    }

    /// Bytes in a MIME charset as text; unknown charsets fall back to UTF-8, then ISO 8859-1.
    static func decodeCharset(_ bytes: [UInt8], charset: String) -> String {
        let encoding: String.Encoding
        switch charset.lowercased() {
        case "iso-8859-1", "latin1", "iso8859-1": encoding = .isoLatin1
        case "windows-1252", "cp1252": encoding = .windowsCP1252
        case "us-ascii", "ascii": encoding = .utf8
        case "iso-8859-15":
            // The euro sign is the one difference that matters in business mail.
            return String(decoding: bytes.map { UInt16($0 == 0xA4 ? 0x20AC : UInt16($0)) }, as: UTF16.self)
        default: encoding = .utf8
        }
        if let text = String(bytes: bytes, encoding: encoding) { return text }
        return String(decoding: bytes.map { UInt16($0) }, as: UTF16.self)
    }
}

/// Quoted-printable (RFC 2045 §6.7) decoding.
enum QuotedPrintable {
    /// Decodes `=XX` escapes and drops soft line breaks (`=` at a line end).
    static func decode(_ text: String) -> [UInt8] {
        let input = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let byte = input[index]
            guard byte == UInt8(ascii: "=") else {
                output.append(byte)
                index += 1
                continue
            }
            if index + 1 < input.count, input[index + 1] == UInt8(ascii: "\n") {
                index += 2
            } else if index + 2 < input.count, input[index + 1] == UInt8(ascii: "\r"), input[index + 2] == UInt8(ascii: "\n") {
                index += 3
            } else if index + 2 < input.count, let high = hex(input[index + 1]), let low = hex(input[index + 2]) {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(byte)
                index += 1
            }
        }
        return output
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
