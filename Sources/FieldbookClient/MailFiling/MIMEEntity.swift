import Foundation

/// A MIME entity (RFC 2045/2046): unfolded headers and a raw body, which may
/// itself be multipart.
struct MIMEEntity {
    /// Headers in order, names lower-cased, values unfolded (not yet RFC 2047-decoded).
    var headers: [(name: String, value: String)]
    /// The body bytes, still transfer-encoded.
    var body: ArraySlice<UInt8>

    static let maximumDepth = 10

    init(bytes: some Collection<UInt8>) {
        let all = Array(bytes)
        let (headerEnd, bodyStart) = Self.headerBoundary(all)
        headers = Self.parseHeaders(all[..<headerEnd])
        body = all[bodyStart...]
    }

    /// The first value of header `name` (lower-case).
    func header(_ name: String) -> String? { headers.first { $0.name == name }?.value }

    /// `text/plain; charset="utf-8"` → ("text/plain", ["charset": "utf-8"]).
    var contentType: (type: String, parameters: [String: String]) {
        guard let value = header("content-type") else { return ("text/plain", [:]) }
        let parts = value.split(separator: ";").map { String($0).trimmingWhitespace }
        var parameters: [String: String] = [:]
        for part in parts.dropFirst() {
            guard let equals = part.firstIndex(of: "=") else { continue }
            var parameterValue = String(part[part.index(after: equals)...]).trimmingWhitespace
            if parameterValue.hasPrefix("\""), parameterValue.hasSuffix("\""), parameterValue.count >= 2 {
                parameterValue = String(parameterValue.dropFirst().dropLast())
            }
            parameters[String(part[..<equals]).trimmingWhitespace.lowercased()] = parameterValue
        }
        return ((parts.first ?? "text/plain").lowercased(), parameters)
    }

    /// The body with its transfer encoding undone.
    var decodedBody: [UInt8] {
        switch (header("content-transfer-encoding") ?? "").trimmingWhitespace.lowercased() {
        case "base64":
            let text = String(decoding: body, as: UTF8.self)
            return Data(base64Encoded: text, options: .ignoreUnknownCharacters).map { Array($0) } ?? Array(body)
        case "quoted-printable": return QuotedPrintable.decode(String(decoding: body, as: UTF8.self))
        default: return Array(body)
        }
    }

    /// The readable text: plain text preferred over HTML, attachments skipped.
    func readableText(depth: Int) -> String? {
        plainText(depth: depth) ?? htmlText(depth: depth).map(HTMLText.strip)
    }

    private func plainText(depth: Int) -> String? { firstText(subtype: "text/plain", depth: depth) }
    private func htmlText(depth: Int) -> String? { firstText(subtype: "text/html", depth: depth) }

    private func firstText(subtype: String, depth: Int) -> String? {
        let (type, parameters) = contentType
        if type.hasPrefix("multipart/") {
            guard depth < Self.maximumDepth, let boundary = parameters["boundary"] else { return nil }
            for part in Self.parts(of: body, boundary: boundary) {
                if let text = MIMEEntity(bytes: part).firstText(subtype: subtype, depth: depth + 1) { return text }
            }
            return nil
        }
        let disposition = (header("content-disposition") ?? "").lowercased()
        guard type == subtype, !disposition.hasPrefix("attachment") else { return nil }
        return EncodedWords.decodeCharset(decodedBody, charset: parameters["charset"] ?? "utf-8")
    }

    /// The parts between `--boundary` lines (the preamble and epilogue dropped).
    static func parts(of body: ArraySlice<UInt8>, boundary: String) -> [ArraySlice<UInt8>] {
        let delimiter = Array(("--" + boundary).utf8)
        var parts: [ArraySlice<UInt8>] = []
        var partStart: Int?
        var lineStart = body.startIndex
        while lineStart < body.endIndex {
            let lineEnd = body[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? body.endIndex
            let line = body[lineStart..<lineEnd]
            if line.starts(with: delimiter) {
                if let start = partStart {
                    // The line break before the delimiter belongs to the delimiter.
                    var end = lineStart
                    if end > start, body[end - 1] == UInt8(ascii: "\n") { end -= 1 }
                    if end > start, body[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                    parts.append(body[start..<end])
                }
                if line.dropFirst(delimiter.count).starts(with: Array("--".utf8)) { return parts }
                partStart = min(lineEnd + 1, body.endIndex)
            }
            lineStart = lineEnd + 1
        }
        return parts
    }

    /// Where the headers end and the body starts (after the first empty line).
    static func headerBoundary(_ bytes: [UInt8]) -> (Int, Int) {
        var index = 0
        var lineStart = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") {
                let line = bytes[lineStart..<index]
                if line.isEmpty || line == [UInt8(ascii: "\r")] { return (lineStart, index + 1) }
                lineStart = index + 1
            }
            index += 1
        }
        return (bytes.count, bytes.count)
    }

    static func parseHeaders(_ bytes: ArraySlice<UInt8>) -> [(name: String, value: String)] {
        let text = EncodedWords.decodeCharset(Array(bytes), charset: "utf-8")
        var headers: [(name: String, value: String)] = []
        for line in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let raw = line.hasSuffix("\r") ? line.dropLast() : line
            if let first = raw.first, first == " " || first == "\t", !headers.isEmpty {
                headers[headers.count - 1].value += " " + raw.trimmingWhitespaceSubstring
            } else if let colon = raw.firstIndex(of: ":") {
                headers.append((raw[..<colon].lowercased().trimmingWhitespace, String(raw[raw.index(after: colon)...]).trimmingWhitespace))
            }
        }
        return headers
    }
}

extension Substring {
    var trimmingWhitespaceSubstring: String { String(self).trimmingWhitespace }
}
