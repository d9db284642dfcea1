/// How strictly to validate, and on whose behalf.
///
/// ```swift
/// SchemaValidator(options: .server(role: .rep))   // strict, with permissions
/// SchemaValidator(options: .preserving)           // client or mixed-version server
/// ```
public struct ValidationOptions: Hashable, Sendable {
    /// What to do with entities, fields and list members the schema does not know.
    public enum UnknownFields: String, Hashable, Sendable {
        /// Report them as errors (a server at the newest schema version).
        case reject
        /// Accept and keep them, reporting a warning: they come from a newer
        /// client or server and must survive untouched (values are not checked).
        case preserve
    }

    /// Unknown entities/fields/members: reject or preserve.
    public var unknownFields: UnknownFields
    /// The writer's role for permission checks; nil skips them (trusted code, replays).
    public var role: Role?

    /// Creates options.
    public init(unknownFields: UnknownFields = .reject, role: Role? = nil) {
        self.unknownFields = unknownFields
        self.role = role
    }

    /// Strict, no permission checks.
    public static let strict = ValidationOptions(unknownFields: .reject)
    /// Preserve unknown fields, no permission checks (clients validating what they receive).
    public static let preserving = ValidationOptions(unknownFields: .preserve)

    /// Strict validation of a change pushed by a user with `role`.
    public static func server(role: Role) -> ValidationOptions { ValidationOptions(unknownFields: .reject, role: role) }
}
