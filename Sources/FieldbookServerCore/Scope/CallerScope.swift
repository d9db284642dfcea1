import FieldbookModel

/// What one caller may read and write now (SYNC.md §11.5): everything, or
/// the records under a set of roots plus shared data.
///
/// - `office`, `admin`, `system` and trusted code (no role): everything.
/// - `manager`: what every member of the manager's team sees (members are
///   the users whose `team` is the manager's team, the team's `members`, and
///   the manager).
/// - `rep` and any other role: accounts in the user's `territories` or owned
///   by the user (an account without owner counts as its creator's), what
///   hangs off them, and the user's own account-less records.
public struct CallerScope: Hashable, Sendable {
    /// The visible roots besides ``ScopeRoot/shared``; nil means everything.
    public var roots: Set<ScopeRoot>?
    /// The users whose data the caller sees (self, or the team's members).
    public var users: Set<String>
    /// The territories the caller works (their own, or the team's).
    public var territories: Set<String>

    /// Creates a scope.
    public init(roots: Set<ScopeRoot>?, users: Set<String> = [], territories: Set<String> = []) {
        self.roots = roots
        self.users = users
        self.territories = territories
    }

    /// Sees everything.
    public static let everything = CallerScope(roots: nil)

    /// Whether the scope is everything (no scope work needed).
    public var isEverything: Bool { roots == nil }

    /// Whether records under `root` are visible.
    public func contains(_ root: ScopeRoot) -> Bool {
        guard let roots else { return true }
        return root == .shared || roots.contains(root)
    }

    /// The roles that see everything.
    public static let unscopedRoles: Set<Role> = [.office, .admin, .system]
}
