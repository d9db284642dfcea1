/// The smallest unit of merge: one register inside a record.
///
/// A slot is addressed by a path of one to three segments:
/// - `field` — a plain field (last-writer-wins with conflict records);
/// - `field/element` — one element of an add-wins set field;
/// - `field/item` — presence of one item of an ordered-list field;
/// - `field/item/member` — a member of a list item (`@pos` is its position).
///
/// The record-level delete marker is the reserved slot `@deleted`.
/// Field and member names match `[A-Za-z_@][A-Za-z0-9_]*`; the element or item
/// segment is any non-empty string with `%` and `/` percent-encoded
/// (`%25`, `%2F`). Slots compare bytewise by their path.
public struct Slot: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The encoded path, as sent on the wire.
    public let path: String

    /// The record-level delete marker.
    public static let deleted = Slot(trusted: "@deleted")
    /// Member name holding a list item's position key.
    public static let positionMember = "@pos"

    private init(trusted path: String) { self.path = path }

    /// A plain field slot.
    public static func field(_ name: String) -> Slot { Slot(trusted: name) }

    /// The slot of one element of a set field.
    public static func element(_ element: String, of field: String) -> Slot {
        Slot(trusted: field + "/" + escape(element))
    }

    /// The presence slot of one item of a list field.
    public static func item(_ item: String, of field: String) -> Slot {
        Slot(trusted: field + "/" + escape(item))
    }

    /// A member slot of one list item.
    public static func member(_ member: String, ofItem item: String, in field: String) -> Slot {
        Slot(trusted: field + "/" + escape(item) + "/" + member)
    }

    /// Parses and validates a wire path.
    public init(path: String) throws(SyncError) {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        guard (1...3).contains(segments.count), Slot.isName(segments[0]),
            segments.count < 2 || Slot.isEscapedSegment(segments[1]),
            segments.count < 3 || Slot.isName(segments[2])
        else { throw .invalidSlot(path) }
        self.path = path
    }

    /// The field this slot belongs to.
    public var field: String {
        guard let slash = path.firstIndex(of: "/") else { return path }
        return String(path[..<slash])
    }

    /// The decoded element or item segment, if any.
    public var element: String? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        return segments.count >= 2 ? Slot.unescape(segments[1]) : nil
    }

    /// The member name of a list-item member slot, if any.
    public var member: String? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        return segments.count == 3 ? String(segments[2]) : nil
    }

    public static func < (lhs: Slot, rhs: Slot) -> Bool { lhs.path.utf8.lexicographicallyPrecedes(rhs.path.utf8) }

    public var description: String { path }

    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x25 || $0 == 0x2F }) else { return text }
        var result = ""
        for character in text {
            switch character {
            case "%": result += "%25"
            case "/": result += "%2F"
            default: result.append(character)
            }
        }
        return result
    }

    static func unescape(_ text: Substring) -> String {
        guard text.contains("%") else { return String(text) }
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "%", text[index...].hasPrefix("%2F") || text[index...].hasPrefix("%25") {
                result.append(text[index...].hasPrefix("%2F") ? "/" : "%")
                index = text.index(index, offsetBy: 3)
            } else {
                result.append(text[index])
                index = text.index(after: index)
            }
        }
        return result
    }

    private static func isName(_ text: Substring) -> Bool {
        guard let first = text.utf8.first, isNameStart(first) else { return false }
        return text.utf8.dropFirst().allSatisfy { isNameStart($0) || ($0 >= 0x30 && $0 <= 0x39) }
    }

    private static func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F || byte == 0x40
    }

    private static func isEscapedSegment(_ text: Substring) -> Bool {
        guard !text.isEmpty else { return false }
        var rest = text[...]
        while let percent = rest.firstIndex(of: "%") {
            let code = rest[percent...].prefix(3)
            guard code == "%25" || code == "%2F" else { return false }
            rest = rest[rest.index(percent, offsetBy: 3)...]
        }
        return true
    }
}

extension Slot: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(path: text) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(error)"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(path)
    }
}
