/// What `user add` creates: the credentials and the `user` record.
public struct NewUser: Sendable {
    /// The login name: 1–64 characters from A–Z a–z 0–9 . _ @ -, starting with a letter or digit.
    public var login: String
    /// The name shown to colleagues.
    public var displayName: String
    /// `rep`, `manager`, `office` or `admin`.
    public var role: String
    /// The team's name or record ID.
    public var team: String?
    /// Territories' names, codes or record IDs.
    public var territories: [String]
    /// The password (8 characters to 72 bytes); never stored, only its bcrypt hash.
    public var password: String

    /// Creates a request.
    public init(login: String, displayName: String, role: String, team: String? = nil, territories: [String] = [], password: String) {
        self.login = login
        self.displayName = displayName
        self.role = role
        self.team = team
        self.territories = territories
        self.password = password
    }
}
