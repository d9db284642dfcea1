import FieldbookModel
import FieldbookSync

/// The value of an enumeration field, as an *open* set of named constants.
///
/// Enumeration fields are typed as small structs rather than Swift enums:
/// a newer schema may add allowed values (migrations only ever add), and a
/// record written by a newer client must still read — and save unchanged —
/// on this one. An unknown value keeps its raw text; `allCases` lists the
/// values this version knows (for pickers).
///
/// ```swift
/// switch task.status {
/// case .open?, .inProgress?: showAsOpen()
/// case .done?: showAsDone()
/// default: showAsOther()   // cancelled, or a value from a newer schema
/// }
/// ```
public protocol EnumerationValue: FieldValue, RawRepresentable, CaseIterable, ExpressibleByStringLiteral,
    CustomStringConvertible
where RawValue == String, AllCases == [Self] {
    /// Wraps a raw value, known or not.
    init(rawValue: String)
}

extension EnumerationValue {
    /// A value from its raw text.
    public init(stringLiteral value: String) { self.init(rawValue: value) }

    /// The raw value, e.g. `"in_progress"`.
    public var description: String { rawValue }

    public static var kindName: String { "enum" }

    public init?(storedValue: Value) {
        guard case .text(let text) = storedValue else { return nil }
        self.init(rawValue: text)
    }

    public func storedValue(for kind: FieldKind?) -> Value { .text(rawValue) }

    /// Whether this version of Fieldbook knows the value (it is in `allCases`).
    public var isKnown: Bool { Self.allCases.contains(self) }
}
