import FieldbookModel
import FieldbookSync

/// A Swift type a scalar field of a typed record can hold, with its exact
/// mapping onto the stored `Value`.
///
/// | Swift type | field kinds | stored as |
/// |---|---|---|
/// | `String` | text, email, phone, reference | `.text` |
/// | `Int64` | integer | `.int` |
/// | `Bool` | bool | `.bool` |
/// | `DecimalNumber` | decimal (money, percent, quantity) | `.text`, canonical at the field's scale |
/// | `CalendarDate` | date | `.text` `YYYY-MM-DD` |
/// | `UTCDateTime` | dateTime | `.text` `YYYY-MM-DDTHH:MM:SSZ` |
/// | an ``EnumerationValue`` | enumeration | `.text`, the raw value |
///
/// Reading is strict: a stored value of another kind (`.int` where text is
/// expected, text that is not a date) is never coerced — ``init(storedValue:)``
/// returns nil and the record read fails with `FieldValueError`.
public protocol FieldValue: Hashable, Sendable {
    /// A short name of the kind for error messages, e.g. `"decimal"`.
    static var kindName: String { get }

    /// Reads a stored, non-null value; nil when it is of another kind.
    init?(storedValue: Value)

    /// The value to store in a field (or list member) of `kind`; `kind` is
    /// nil when the schema does not know the field (the write is then
    /// refused by validation).
    func storedValue(for kind: FieldKind?) -> Value
}

extension String: FieldValue {
    public static var kindName: String { "text" }

    public init?(storedValue: Value) {
        guard case .text(let text) = storedValue else { return nil }
        self = text
    }

    public func storedValue(for kind: FieldKind?) -> Value { .text(self) }
}

extension Int64: FieldValue {
    public static var kindName: String { "integer" }

    public init?(storedValue: Value) {
        guard case .int(let number) = storedValue else { return nil }
        self = number
    }

    public func storedValue(for kind: FieldKind?) -> Value { .int(self) }
}

extension Bool: FieldValue {
    public static var kindName: String { "bool" }

    public init?(storedValue: Value) {
        guard case .bool(let flag) = storedValue else { return nil }
        self = flag
    }

    public func storedValue(for kind: FieldKind?) -> Value { .bool(self) }
}

extension DecimalNumber: FieldValue {
    public static var kindName: String { "decimal" }

    /// Any decimal text; equality is numeric, so `"1.5"` and `"1.50"` read equal.
    public init?(storedValue: Value) {
        guard let number = storedValue.decimal else { return nil }
        self = number
    }

    /// The canonical text at the field's scale (`12.5` in a money field is
    /// `"12.50"`). A number needing more fraction digits than the field has is
    /// never rounded: it is written as is and validation refuses it
    /// (`decimal_not_canonical`).
    public func storedValue(for kind: FieldKind?) -> Value {
        guard case .decimal(let scale, _)? = kind, let value = try? value(scale: scale) else {
            return .text(description)
        }
        return value
    }
}

extension CalendarDate: FieldValue {
    public static var kindName: String { "date" }

    public init?(storedValue: Value) {
        guard let date = storedValue.date else { return nil }
        self = date
    }

    public func storedValue(for kind: FieldKind?) -> Value { value }
}

extension UTCDateTime: FieldValue {
    public static var kindName: String { "dateTime" }

    public init?(storedValue: Value) {
        guard let time = storedValue.dateTime else { return nil }
        self = time
    }

    public func storedValue(for kind: FieldKind?) -> Value { value }
}
