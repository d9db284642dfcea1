import FieldbookSync

/// One problem found by validation: where, a stable machine code, and a
/// human message.
///
/// Messages name fields, kinds and limits but never values, so issues can be
/// logged and sent back to clients without leaking customer data. ``slot``
/// is the exact slot for programmatic use; it can contain set-element text,
/// so it is left out of ``description``.
public struct ValidationIssue: Hashable, Sendable, CustomStringConvertible {
    /// How serious an issue is.
    public enum Severity: String, Hashable, Sendable, Codable {
        /// The change or record must be rejected.
        case error
        /// Accepted, but worth noting (an unknown field preserved from a newer client).
        case warning
    }

    /// A stable snake_case identifier of the kind of issue (for clients,
    /// translations and metrics). Business rules define their own codes.
    public struct Code: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral,
        CustomStringConvertible
    {
        /// The code, e.g. `"text_too_long"`.
        public let rawValue: String
        /// Creates a code.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// Creates a code from a literal.
        public init(stringLiteral value: String) { self.rawValue = value }
        public var description: String { rawValue }
    }

    /// The field concerned; nil for issues about the whole change or record.
    public var field: String?
    /// The list member concerned, for list fields.
    public var member: String?
    /// The exact slot, when the issue concerns one operation (do not log: may hold element text).
    public var slot: Slot?
    /// The machine code.
    public var code: Code
    /// A human explanation without customer data.
    public var message: String
    /// Error (reject) or warning (accept).
    public var severity: Severity

    /// Creates an issue.
    public init(
        field: String?, member: String? = nil, slot: Slot? = nil, code: Code, message: String,
        severity: Severity = .error
    ) {
        self.field = field
        self.member = member
        self.slot = slot
        self.code = code
        self.message = message
        self.severity = severity
    }

    /// `"error text_too_long at name: …"` — without the slot or any value.
    public var description: String {
        let location = [field, member].compactMap { $0 }.joined(separator: ".")
        return "\(severity.rawValue) \(code.rawValue)" + (location.isEmpty ? "" : " at \(location)") + ": \(message)"
    }
}

extension Array where Element == ValidationIssue {
    /// Whether any issue is an error (the change or record must be rejected).
    public var hasErrors: Bool { contains { $0.severity == .error } }
    /// Only the errors.
    public var errors: [ValidationIssue] { filter { $0.severity == .error } }
}
