/// What the store indexes about one record for scoping, computed by
/// ``ScopeRules`` from the record's merged state and kept in the same
/// transaction as the record (``AcceptedCommit/scope``).
///
/// The record's *effective* root is the root of ``parent`` when that record
/// is indexed, else ``root``. Stores keep effective roots current: when a
/// record's effective root changes, every record whose ``parent`` it is
/// follows (recursively), and each change is logged as a ``RootChange`` at
/// the committing change's position.
public struct ScopeFacts: Hashable, Sendable {
    /// The root when ``parent`` is nil or not indexed.
    public var root: ScopeRoot
    /// A record whose effective root this one inherits (e.g. a campaign
    /// member without account hangs off its contact).
    public var parent: String?
    /// Look-up keys the scope computation queries (``ScopeKey``).
    public var keys: Set<String>
    /// The user who created the record (the first accepted change's caller), if known.
    public var creator: String?

    /// Creates facts.
    public init(root: ScopeRoot, parent: String? = nil, keys: Set<String> = [], creator: String? = nil) {
        self.root = root
        self.parent = parent
        self.keys = keys
        self.creator = creator
    }
}

/// The indexed scope of one record: its facts and effective root.
public struct ScopeEntry: Hashable, Sendable {
    /// The record's entity.
    public var entity: String
    /// What was indexed at the record's last commit.
    public var facts: ScopeFacts
    /// The effective root (see ``ScopeFacts``).
    public var root: ScopeRoot

    /// Creates an entry.
    public init(entity: String, facts: ScopeFacts, root: ScopeRoot) {
        self.entity = entity
        self.facts = facts
        self.root = root
    }
}

/// The look-up keys of ``ScopeFacts/keys``: which accounts a user or
/// territory holds, and which users belong to a team.
public enum ScopeKey {
    /// On an account whose `owner` (or, without owner, creator) is `user`.
    public static func accountOwner(_ user: String) -> String { "acct.owner:" + user }
    /// On an account in territory `territory`.
    public static func accountTerritory(_ territory: String) -> String { "acct.territory:" + territory }
    /// On a user record whose `team` is `team`.
    public static func userTeam(_ team: String) -> String { "user.team:" + team }
}
