import FieldbookProtocol

/// Why a change was not applied: a change-level code (SYNC.md §13) and a
/// human-readable reason.
///
/// Reasons name fields, rules, limits and identifiers (record IDs, dots) but
/// never field values, so they can be stored, logged and shown to any user
/// allowed to push the change.
///
/// ```swift
/// Rejection(.businessRule, "a won opportunity cannot change stage")
/// ```
public struct Rejection: Hashable, Sendable, CustomStringConvertible {
    /// The change-level code, e.g. ``WireErrorCode/invalidValue``.
    public var code: WireErrorCode
    /// What went wrong, for the user or the office.
    public var reason: String

    /// Creates a rejection.
    public init(_ code: WireErrorCode, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    public var description: String { "\(code.rawValue): \(reason)" }
}
