import FieldbookModel

/// Who is calling the sync service, as authentication established it.
///
/// The HTTP layer fills this from the bearer token (user, device, role);
/// ``SyncService`` uses ``role`` for the schema validator's permission checks
/// and hands the caller to the ``ChangeAuthorizer``, which decides scopes.
///
/// ```swift
/// let caller = SyncCaller(user: "user-anna", role: .rep)
/// ```
public struct SyncCaller: Hashable, Sendable {
    /// The user's record ID, when a user is behind the request.
    public var user: String?
    /// The role the user writes with; nil skips role checks (trusted code only).
    public var role: Role?

    /// Creates a caller.
    public init(user: String? = nil, role: Role?) {
        self.user = user
        self.role = role
    }

    /// The server itself (server-authored changes, migrations, imports).
    public static let system = SyncCaller(role: .system)
}
