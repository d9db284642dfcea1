/// Reads vCard text into ``VCard`` values (RFC 6350 §3: unfolding, content lines, parameters).
struct VCardParser {
    /// Inputs above this size are refused rather than read (a vCard file of contacts is far smaller).
    static let byteLimit = 32 * 1024 * 1024

    let text: String

    /// An unfolded line and the physical line number it started on.
    struct LogicalLine {
        var number: Int
        var text: String
    }

    func parse() throws(VCardError) -> [VCard] {
        let size = text.utf8.count
        guard size <= Self.byteLimit else { throw .tooLarge(bytes: size, limit: Self.byteLimit) }
        var cards: [VCard] = []
        var current: (start: Int, card: VCard)?
        for line in unfoldedLines() where !line.text.trimmingSpaces.isEmpty {
            let property = try Self.property(line)
            switch (property.name, property.text.uppercased()) {
            case ("BEGIN", "VCARD"):
                if let open = current { throw .unterminatedCard(startLine: open.start) }
                current = (line.number, VCard(properties: [], version: ""))
            case ("END", "VCARD"):
                guard let open = current else { throw .outsideCard(line: line.number) }
                cards.append(open.card)
                current = nil
            case ("VERSION", _):
                guard current != nil else { throw .outsideCard(line: line.number) }
                current?.card.version = property.text
            default:
                guard current != nil else { throw .outsideCard(line: line.number) }
                current?.card.properties.append(property)
            }
        }
        if let open = current { throw .unterminatedCard(startLine: open.start) }
        return cards
    }

    /// Splits at CRLF, LF or CR and joins continuation lines (leading space or tab).
    func unfoldedLines() -> [LogicalLine] {
        var lines: [LogicalLine] = []
        var number = 0
        var physical = text
        if physical.hasPrefix("\u{FEFF}") { physical.removeFirst() }
        for raw in physical.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            number += 1
            if let first = raw.first, first == " " || first == "\t", !lines.isEmpty {
                lines[lines.count - 1].text += raw.dropFirst()
            } else if let last = lines.last, last.text.hasSuffix("="), last.text.uppercased().contains("QUOTED-PRINTABLE") {
                // vCard 2.1 quoted-printable soft line break: the value goes on.
                lines[lines.count - 1].text = String(last.text.dropLast()) + raw
            } else {
                lines.append(LogicalLine(number: number, text: String(raw)))
            }
        }
        return lines
    }

    /// Parses `group.NAME;PARAM=a,b;PARAM2="x:y":value`.
    static func property(_ line: LogicalLine) throws(VCardError) -> VCardProperty {
        var inQuotes = false
        var colon: String.Index?
        for index in line.text.indices {
            let character = line.text[index]
            if character == "\"" { inQuotes.toggle() }
            if character == ":" && !inQuotes {
                colon = index
                break
            }
        }
        guard let colon else { throw .malformedLine(line: line.number, text: line.text) }
        let head = line.text[..<colon]
        let value = String(line.text[line.text.index(after: colon)...])
        let segments = splitOutsideQuotes(String(head), at: ";")
        var nameSegment = segments[0]
        var group: String?
        if let dot = nameSegment.lastIndex(of: ".") {
            group = String(nameSegment[..<dot])
            nameSegment = String(nameSegment[nameSegment.index(after: dot)...])
        }
        guard !nameSegment.isEmpty else { throw .malformedLine(line: line.number, text: line.text) }
        var parameters: [String: [String]] = [:]
        for segment in segments.dropFirst() where !segment.isEmpty {
            let (name, values) = parameter(segment)
            parameters[name, default: []].append(contentsOf: values)
        }
        return VCardProperty(group: group, name: nameSegment, parameters: parameters, rawValue: value)
    }

    /// `TYPE=work,voice` → ("TYPE", ["work", "voice"]); a bare vCard 2.1 `WORK` → ("TYPE", ["WORK"]).
    static func parameter(_ segment: String) -> (String, [String]) {
        guard let equals = segment.firstIndex(of: "=") else { return ("TYPE", [segment]) }
        let name = segment[..<equals].uppercased()
        let values = splitOutsideQuotes(String(segment[segment.index(after: equals)...]), at: ",").map {
            $0.hasPrefix("\"") && $0.hasSuffix("\"") && $0.count >= 2 ? String($0.dropFirst().dropLast()) : $0
        }
        return (name, values)
    }

    static func splitOutsideQuotes(_ text: String, at separator: Character) -> [String] {
        var parts: [String] = []
        var current = ""
        var inQuotes = false
        for character in text {
            if character == "\"" { inQuotes.toggle() }
            if character == separator && !inQuotes {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        return parts
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: Substring {
        let start = firstIndex { $0 != " " && $0 != "\t" } ?? endIndex
        let end = lastIndex { $0 != " " && $0 != "\t" }.map { index(after: $0) } ?? start
        return self[start..<max(start, end)]
    }
}
