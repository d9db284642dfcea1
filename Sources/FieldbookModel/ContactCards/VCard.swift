/// A vCard: the properties between `BEGIN:VCARD` and `END:VCARD`, in order.
///
/// ```swift
/// let cards = try VCard.parse(text)          // vCard 2.1, 3.0 and 4.0
/// let name = cards[0].first("FN")?.text
/// let text = VCard(properties: [...]).serialized()   // vCard 4.0, CRLF, folded
/// ```
public struct VCard: Hashable, Sendable {
    /// The content lines except BEGIN, END (and VERSION, see ``version``).
    public var properties: [VCardProperty]
    /// The VERSION the card declared (`4.0` when written by Fieldbook).
    public var version: String

    /// Creates a card.
    public init(properties: [VCardProperty], version: String = "4.0") {
        self.properties = properties
        self.version = version
    }

    /// The first property named `name` (case-insensitive), preferring one with `PREF=1`.
    public func first(_ name: String) -> VCardProperty? {
        let all = self.all(name)
        return all.first { $0.parameters["PREF"]?.first == "1" || $0.types.contains("pref") } ?? all.first
    }

    /// Every property named `name` (case-insensitive), in order.
    public func all(_ name: String) -> [VCardProperty] {
        let upper = name.uppercased()
        return properties.filter { $0.name == upper }
    }

    /// Parses every card in `text` (UTF-8; CRLF or LF line ends; folded lines;
    /// vCard 2.1 quoted-printable soft breaks are joined but not decoded).
    ///
    /// - Throws: ``VCardError`` naming the line of the first malformed content line
    ///   or an unterminated card.
    public static func parse(_ text: String) throws(VCardError) -> [VCard] {
        try VCardParser(text: text).parse()
    }

    /// The card as vCard 4.0 text: CRLF line ends, lines folded at 75 octets
    /// without splitting a UTF-8 sequence.
    public func serialized() -> String {
        var lines = ["BEGIN:VCARD", "VERSION:4.0"]
        for property in properties { lines.append(Self.contentLine(property)) }
        lines.append("END:VCARD")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    static func contentLine(_ property: VCardProperty) -> String {
        var line = property.group.map { $0 + "." } ?? ""
        line += property.name
        for (name, values) in property.parameters.sorted(by: { $0.key < $1.key }) {
            let joined = values.map(Self.quotedIfNeeded).joined(separator: ",")
            line += ";\(name)=\(joined)"
        }
        return line + ":" + property.rawValue
    }

    static func quotedIfNeeded(_ parameterValue: String) -> String {
        parameterValue.contains(where: { ":;,".contains($0) }) ? "\"\(parameterValue)\"" : parameterValue
    }

    /// Folds a line into chunks of at most 75 octets; continuation lines start with a space.
    static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var result = ""
        var octets = 0
        for character in line.unicodeScalars {
            let size = String(character).utf8.count
            // The first line holds 75 octets, continuations 74 plus the leading space.
            if octets + size > 75 {
                result += "\r\n "
                octets = 1
            }
            result.unicodeScalars.append(character)
            octets += size
        }
        return result
    }
}
