import FieldbookModel
import FieldbookSync

/// Who is behind a request, as a valid bearer token establishes it: a user
/// on one of their devices, which writes as one replica.
public struct AuthenticatedDevice: Hashable, Sendable {
    /// The user's record ID (a `user` record in the store).
    public var user: String
    /// The user's login name (safe to log).
    public var login: String
    /// The user's role.
    public var role: Role
    /// The device's ID.
    public var device: String
    /// The replica the device is bound to; it may push only this replica's dots.
    public var replica: ReplicaID

    /// Creates an identity.
    public init(user: String, login: String, role: Role, device: String, replica: ReplicaID) {
        self.user = user
        self.login = login
        self.role = role
        self.device = device
        self.replica = replica
    }

    /// The caller as the sync service sees it.
    public var caller: SyncCaller { SyncCaller(user: user, role: role) }
}
