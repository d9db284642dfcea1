/// What a field holds, and so how it maps onto the sync core's ``Value``
/// and which merge it uses (see ``MergeStrategy``).
///
/// | kind | wire value | merge |
/// |---|---|---|
/// | ``text(maxLength:)`` | `.text`, at most `maxLength` characters | register |
/// | ``integer(_:)`` | `.int` within the range | register |
/// | ``decimal(scale:range:)`` | `.text`, canonical decimal with exactly `scale` fraction digits | register |
/// | ``date`` | `.text` `YYYY-MM-DD` | register |
/// | ``dateTime`` | `.text` `YYYY-MM-DDTHH:MM:SSZ` (UTC) | register |
/// | ``bool`` | `.bool` | register |
/// | ``enumeration(_:)`` | `.text`, one of the allowed values | register |
/// | ``reference(_:)`` | `.text`, a well-formed ``RecordID`` of the target entity | register |
/// | ``email`` / ``phone`` | `.text`, checked by ``ContactFormat`` | register |
/// | ``set(of:)`` | slot `field/element` holds `true`; the element text is the member | add-wins set |
/// | ``list(_:)`` | `field/item` presence `true`, `field/item/@pos`, `field/item/member` | ordered list |
///
/// Every scalar field also accepts `.null` (cleared) unless it is required.
public indirect enum FieldKind: Hashable, Sendable {
    /// Free text of at most `maxLength` characters (grapheme clusters).
    case text(maxLength: Int)
    /// A 64-bit integer within `range`.
    case integer(ClosedRange<Int64>)
    /// An exact decimal with exactly `scale` fraction digits, optionally bounded.
    case decimal(scale: Int, range: ClosedRange<DecimalNumber>?)
    /// A calendar day (``CalendarDate``).
    case date
    /// A UTC instant with second precision (``UTCDateTime``).
    case dateTime
    /// A boolean.
    case bool
    /// One of a fixed list of values (snake_case by convention).
    case enumeration([String])
    /// The ID of a record of the named entity.
    case reference(String)
    /// An e-mail address.
    case email
    /// A phone number as typed.
    case phone
    /// An add-wins set of elements of a text-encoded scalar kind.
    case set(of: FieldKind)
    /// An ordered list of items, each with the given member fields.
    case list([Field])

    /// Money: a decimal with 2 fraction digits (cents).
    public static let money = FieldKind.decimal(scale: 2, range: nil)
    /// Non-negative money (prices, totals).
    public static let amount = FieldKind.decimal(scale: 2, range: 0...DecimalNumber(Int64.max / 100))
    /// A percentage 0.00–100.00 (discounts, tax rates, probabilities).
    public static let percent = FieldKind.decimal(scale: 2, range: 0...100)
    /// A positive quantity with 3 fraction digits (pieces, metres, kilograms).
    public static let quantity = FieldKind.decimal(
        scale: 3, range: DecimalNumber(unchecked: "0.001")...DecimalNumber(1_000_000_000)
    )

    /// The merge this kind uses.
    public var merge: MergeStrategy {
        switch self {
        case .set: .addWinsSet
        case .list: .orderedList
        default: .register
        }
    }

    /// Whether values are single scalars (not a set or list).
    public var isScalar: Bool { merge == .register }

    /// Whether the kind is carried as `.text` (so it can be a set element).
    public var isTextEncoded: Bool {
        switch self {
        case .text, .decimal, .date, .dateTime, .enumeration, .reference, .email, .phone: true
        case .integer, .bool, .set, .list: false
        }
    }

    /// A short name for messages and schema descriptions, e.g. `"decimal(2)"`.
    public var name: String {
        switch self {
        case .text(let maxLength): "text(\(maxLength))"
        case .integer: "integer"
        case .decimal(let scale, _): "decimal(\(scale))"
        case .date: "date"
        case .dateTime: "dateTime"
        case .bool: "bool"
        case .enumeration: "enum"
        case .reference(let target): "reference(\(target))"
        case .email: "email"
        case .phone: "phone"
        case .set(let element): "set(\(element.name))"
        case .list: "list"
        }
    }
}
