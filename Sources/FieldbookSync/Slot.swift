/// The smallest unit of merge: one register inside a record.
///
/// A slot is addressed by a path of one to three segments separated by `/`:
/// - `field` — a plain field (winner shown, concurrent values kept as conflicts);
/// - `field/element` — one element of an add-wins set field;
/// - `field/item` — presence of one item of an ordered-list field;
/// - `field/item/member` — a member of a list item (`@pos` is its position).
///
/// Names starting with `@` are reserved: the record-level delete marker is
/// the slot `@deleted` and a list item's position is its member `@pos`.
/// Field and member names match `[A-Za-z_@][A-Za-z0-9_]*`; the element or item
/// segment is any non-empty UTF-8 string with `%` and `/` percent-encoded
/// (`%25`, `%2F`). Paths are parsed, compared and hashed as **bytes**, never
/// as Unicode-normalised text.
public struct Slot: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The encoded path, as sent on the wire.
    public let path: String

    /// The record-level delete marker.
    public static let deleted = Slot(trusted: "@deleted")
    /// Member name holding a list item's position key.
    public static let positionMember = "@pos"

    private static let slash: UInt8 = 0x2F
    private static let percent: UInt8 = 0x25

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
        let segments = Slot.segments(of: path)
        guard (1...3).contains(segments.count), Slot.isName(segments[0]),
            segments.count < 2 || Slot.isEscapedSegment(segments[1]),
            segments.count < 3 || Slot.isName(segments[2])
        else { throw .invalidSlot(path) }
        // Names starting with `@` are reserved for the protocol itself.
        let reservedField = segments[0].first == 0x40
        let reservedMember = segments.count == 3 && segments[2].first == 0x40
        if reservedField && !(segments.count == 1 && path == Slot.deleted.path) { throw .invalidSlot(path) }
        if reservedMember && !segments[2].elementsEqual(Slot.positionMember.utf8) { throw .invalidSlot(path) }
        self.path = path
    }

    /// The field this slot belongs to.
    public var field: String {
        let segments = Slot.segments(of: path)
        return String(decoding: segments[0], as: UTF8.self)
    }

    /// The decoded element or item segment, if any.
    public var element: String? {
        let segments = Slot.segments(of: path)
        return segments.count >= 2 ? Slot.unescape(segments[1]) : nil
    }

    /// The member name of a list-item member slot, if any.
    public var member: String? {
        let segments = Slot.segments(of: path)
        return segments.count == 3 ? String(decoding: segments[2], as: UTF8.self) : nil
    }

    /// Whether this slot is a plain field (a single segment).
    public var isPlainField: Bool { !path.utf8.contains(Slot.slash) }

    public static func == (lhs: Slot, rhs: Slot) -> Bool { lhs.path.utf8.elementsEqual(rhs.path.utf8) }

    public func hash(into hasher: inout Hasher) { hasher.combineBytes(of: path) }

    public static func < (lhs: Slot, rhs: Slot) -> Bool { lhs.path.utf8.lexicographicallyPrecedes(rhs.path.utf8) }

    public var description: String { path }

    private static func segments(of path: String) -> [Substring.UTF8View] {
        path.utf8.split(separator: slash, omittingEmptySubsequences: false)
    }

    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == percent || $0 == slash }) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 4)
        for byte in text.utf8 {
            switch byte {
            case percent: bytes.append(contentsOf: [percent, 0x32, 0x35])  // %25
            case slash: bytes.append(contentsOf: [percent, 0x32, 0x46])  // %2F
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func unescape(_ segment: Substring.UTF8View) -> String {
        let bytes = Array(segment)
        guard bytes.contains(percent) else { return String(decoding: bytes, as: UTF8.self) }
        var result: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == percent, index + 2 < bytes.count, bytes[index + 1] == 0x32 {
                result.append(bytes[index + 2] == 0x46 ? slash : percent)
                index += 3
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// `[A-Za-z_@][A-Za-z0-9_]*`: `@` only as the first character.
    private static func isName(_ bytes: Substring.UTF8View) -> Bool {
        guard let first = bytes.first, isLetter(first) || first == 0x40 else { return false }
        return bytes.dropFirst().allSatisfy { isLetter($0) || ($0 >= 0x30 && $0 <= 0x39) }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
    }

    /// Non-empty, and every `%` starts `%25` or `%2F`.
    private static func isEscapedSegment(_ segment: Substring.UTF8View) -> Bool {
        let bytes = Array(segment)
        guard !bytes.isEmpty else { return false }
        var index = 0
        while index < bytes.count {
            if bytes[index] == percent {
                guard index + 2 < bytes.count, bytes[index + 1] == 0x32,
                    bytes[index + 2] == 0x35 || bytes[index + 2] == 0x46
                else { return false }
                index += 3
            } else {
                index += 1
            }
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
