/// Why a JSON value does not fit a field: names the field (and list member)
/// and what was expected, never the value, so it is safe to log and to send.
///
/// ```swift
/// catch let error as RecordJSONError { print(error) }   // "lines.quantity: expected a decimal as a string such as \"12.50\""
/// ```
public struct RecordJSONError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The field concerned.
    public var field: String
    /// The list member concerned, for list fields.
    public var member: String?
    /// What the field takes, e.g. `"a string"`.
    public var expected: String

    /// Creates an error.
    public init(field: String, member: String? = nil, expected: String) {
        self.field = field
        self.member = member
        self.expected = expected
    }

    /// `field` or `field.member`.
    public var path: String { member.map { field + "." + $0 } ?? field }

    public var description: String { "\(path): expected \(expected)" }
}
