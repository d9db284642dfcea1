/// One content line of a vCard (RFC 6350 §3.3): `group.NAME;param=value:value`.
///
/// Values are kept as they appear after unfolding, still escaped; use
/// ``components`` or ``text`` to read them.
public struct VCardProperty: Hashable, Sendable {
    /// The property group (`item1` in `item1.EMAIL`), if any.
    public var group: String?
    /// The property name, upper-cased (`FN`, `EMAIL`, `X-FIELDBOOK-ID`).
    public var name: String
    /// Parameters, names upper-cased; a parameter may carry several values (`TYPE=work,voice`).
    public var parameters: [String: [String]]
    /// The raw (escaped) value.
    public var rawValue: String

    /// Creates a property; `rawValue` must already be escaped (see ``escape(_:)``).
    public init(group: String? = nil, name: String, parameters: [String: [String]] = [:], rawValue: String) {
        self.group = group
        self.name = name.uppercased()
        self.parameters = parameters
        self.rawValue = rawValue
    }

    /// A property with a single text value, escaped for you.
    public init(_ name: String, text: String, parameters: [String: [String]] = [:]) {
        self.init(name: name, parameters: parameters, rawValue: VCardProperty.escape(text))
    }

    /// A property with a structured value (`N`, `ADR`): components joined by `;`, each escaped.
    public init(_ name: String, components: [String], parameters: [String: [String]] = [:]) {
        self.init(name: name, parameters: parameters, rawValue: components.map(VCardProperty.escape).joined(separator: ";"))
    }

    /// The value unescaped as one text.
    public var text: String { Self.unescape(rawValue) }

    /// The structured value split at unescaped `;`, each component unescaped.
    public var components: [String] { Self.split(rawValue, at: ";").map(Self.unescape) }

    /// A list value (`CATEGORIES:a,b\,c`) split at unescaped commas, each unescaped.
    public var listValues: [String] { Self.split(rawValue, at: ",").map(Self.unescape) }

    /// The `TYPE` parameter values, lower-cased (vCard 3 `TYPE=WORK;TYPE=CELL` and 4 `TYPE="work,cell"` alike).
    public var types: Set<String> {
        Set((parameters["TYPE"] ?? []).flatMap { $0.split(separator: ",") }.map { $0.lowercased() })
    }

    /// Escapes text for a value: backslash, comma, semicolon and newlines (RFC 6350 §3.4).
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for character in text.unicodeScalars {
            switch character {
            case "\\": escaped += "\\\\"
            case ",": escaped += "\\,"
            case ";": escaped += "\\;"
            case "\r": escaped += "\\n"
            case "\n": if !previousWasCR { escaped += "\\n" }
            default: escaped.unicodeScalars.append(character)
            }
            previousWasCR = character == "\r"
        }
        return escaped
    }

    /// Reverses ``escape(_:)``; unknown escapes keep the escaped character.
    public static func unescape(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        var result = ""
        var escaping = false
        for character in text {
            if escaping {
                result.append(character == "n" || character == "N" ? "\n" : character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// Splits at `separator` where it is not escaped by a backslash.
    static func split(_ text: String, at separator: Character) -> [String] {
        var parts: [String] = []
        var current = ""
        var escaping = false
        for character in text {
            if escaping {
                current.append(character)
                escaping = false
            } else if character == "\\" {
                current.append(character)
                escaping = true
            } else if character == separator {
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
