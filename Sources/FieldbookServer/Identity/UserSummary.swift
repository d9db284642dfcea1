/// One user as `user list` shows it: the credentials joined with the `user` record.
public struct UserSummary: Hashable, Sendable, Codable {
    /// The `user` record's ID.
    public var id: String
    /// The login name.
    public var login: String
    /// The display name from the record (nil when the record is missing).
    public var displayName: String?
    /// The role (`rep`, `manager`, `office`, `admin`).
    public var role: String
    /// The team's record ID, if any.
    public var team: String?
    /// The territories' record IDs, sorted.
    public var territories: [String]
    /// Whether the user may sign in.
    public var disabled: Bool
    /// Devices not revoked.
    public var activeDevices: Int

    /// Creates a summary.
    public init(
        id: String, login: String, displayName: String?, role: String, team: String?, territories: [String],
        disabled: Bool, activeDevices: Int
    ) {
        self.id = id
        self.login = login
        self.displayName = displayName
        self.role = role
        self.team = team
        self.territories = territories
        self.disabled = disabled
        self.activeDevices = activeDevices
    }
}
