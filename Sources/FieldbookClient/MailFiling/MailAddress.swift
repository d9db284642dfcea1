/// One mailbox from an address header: `"Schmidt, Anna" <anna@example.com>`.
public struct MailAddress: Hashable, Sendable, CustomStringConvertible {
    /// The display name, decoded (RFC 2047), without quotes; nil when absent.
    public var name: String?
    /// The address as written (`local@domain`).
    public var address: String

    /// Creates a mailbox.
    public init(name: String? = nil, address: String) {
        self.name = name
        self.address = address
    }

    /// The address lower-cased, for matching (domains are case-insensitive and
    /// mail systems treat local parts so in practice).
    public var normalized: String { address.lowercased() }

    public var description: String { name.map { "\($0) <\(address)>" } ?? address }

    /// Parses an address list (RFC 5322 §3.4): mailboxes separated by commas,
    /// display names quoted or not, groups (`team: a@x, b@y;`), comments in
    /// parentheses. Entries without an `@` are dropped.
    public static func list(_ header: String) -> [MailAddress] {
        var addresses: [MailAddress] = []
        for entry in splitEntries(header) {
            var text = entry.trimmingWhitespace
            // A group's name ends at the first ':' outside quotes and angle brackets.
            if let colon = unquotedColon(in: text) { text = String(text[text.index(after: colon)...]).trimmingWhitespace }
            text = text.trimmingCharacters(";").trimmingWhitespace
            guard !text.isEmpty else { continue }
            if let open = text.lastIndex(of: "<"), let close = text.lastIndex(of: ">"), open < close {
                let address = String(text[text.index(after: open)..<close]).trimmingWhitespace
                var name = String(text[..<open]).trimmingWhitespace
                if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 { name = String(name.dropFirst().dropLast()) }
                name = EncodedWords.decode(name.replacingBackslashEscapes)
                if address.contains("@") { addresses.append(MailAddress(name: name.isEmpty ? nil : name, address: address)) }
            } else {
                // `anna@example.com (Anna Schmidt)`: the comment is the name.
                var address = text
                var name: String?
                if let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close {
                    name = EncodedWords.decode(String(text[text.index(after: open)..<close]))
                    address = String(text[..<open]).trimmingWhitespace
                }
                if address.contains("@") { addresses.append(MailAddress(name: name, address: address)) }
            }
        }
        return addresses
    }

    /// Splits at commas outside quotes, angle brackets and comments.
    static func splitEntries(_ header: String) -> [String] {
        var entries: [String] = []
        var current = ""
        var inQuotes = false, angle = 0, comment = 0, escaping = false
        for character in header {
            if escaping {
                current.append(character)
                escaping = false
                continue
            }
            switch character {
            case "\\" where inQuotes: escaping = true
            case "\"" where comment == 0: inQuotes.toggle()
            case "<" where !inQuotes: angle += 1
            case ">" where !inQuotes: angle = max(0, angle - 1)
            case "(" where !inQuotes: comment += 1
            case ")" where !inQuotes: comment = max(0, comment - 1)
            case "," where !inQuotes && angle == 0 && comment == 0:
                entries.append(current)
                current = ""
                continue
            default: break
            }
            current.append(character)
        }
        entries.append(current)
        return entries
    }

    static func unquotedColon(in text: String) -> String.Index? {
        var inQuotes = false
        for index in text.indices {
            switch text[index] {
            case "\"": inQuotes.toggle()
            case "<" where !inQuotes: return nil
            case ":" where !inQuotes: return index
            default: continue
            }
        }
        return nil
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks.
    var trimmingWhitespace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[start...end])
    }

    /// Without leading and trailing `character`s.
    func trimmingCharacters(_ character: Character) -> String {
        guard let start = firstIndex(where: { $0 != character }), let end = lastIndex(where: { $0 != character }) else {
            return ""
        }
        return String(self[start...end])
    }

    /// `\"` → `"`, `\\` → `\` (quoted-string escapes).
    var replacingBackslashEscapes: String {
        guard contains("\\") else { return self }
        var result = ""
        var escaping = false
        for character in self {
            if escaping || character != "\\" {
                result.append(character)
                escaping = false
            } else {
                escaping = true
            }
        }
        return result
    }
}
