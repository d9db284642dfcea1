import Foundation

/// One device as `device list` shows it (no token, not even its hash).
public struct DeviceSummary: Hashable, Sendable, Codable {
    /// The device's ID.
    public var id: String
    /// The owner's `user` record ID.
    public var user: String
    /// The owner's login.
    public var login: String
    /// The name given at login ("Anna's notebook").
    public var name: String
    /// The replica the device is bound to.
    public var replica: String
    /// When the device first signed in.
    public var createdAt: Date
    /// When a request last authenticated with its token (updated at most once a minute).
    public var lastSeenAt: Date?
    /// When an administrator revoked it (or disabled its user); nil while active.
    public var revokedAt: Date?
    /// Whether the device holds a token now (false after logout or revocation).
    public var signedIn: Bool

    /// Creates a summary.
    public init(
        id: String, user: String, login: String, name: String, replica: String, createdAt: Date,
        lastSeenAt: Date?, revokedAt: Date?, signedIn: Bool
    ) {
        self.id = id
        self.user = user
        self.login = login
        self.name = name
        self.replica = replica
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
        self.revokedAt = revokedAt
        self.signedIn = signedIn
    }
}
