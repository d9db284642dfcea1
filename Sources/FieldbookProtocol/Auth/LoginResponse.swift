import FieldbookSync

/// The answer to a successful ``LoginRequest``.
///
/// Clients send ``token`` as `Authorization: Bearer <token>` on every later
/// request and keep it like a password (file mode 0600). It stays valid until
/// the device is revoked, the user is disabled, or the device logs out.
public struct LoginResponse: Hashable, Sendable, Codable {
    /// The bearer token for this device (shown once; the server keeps only a hash).
    public var token: String
    /// The device's ID on the server (`device list`, `device revoke`).
    public var device: String
    /// The replica the device is bound to.
    public var replica: ReplicaID
    /// The user's record ID (a `user` record).
    public var user: String
    /// The user's login name.
    public var login: String
    /// The user's role (`rep`, `manager`, `office`, `admin`).
    public var role: String

    /// Creates a login response.
    public init(token: String, device: String, replica: ReplicaID, user: String, login: String, role: String) {
        self.token = token
        self.device = device
        self.replica = replica
        self.user = user
        self.login = login
        self.role = role
    }
}
