import FieldbookModel
import FieldbookSync

/// Which root each entity's records hang off (SYNC.md §11.5), in one table
/// derived from the schema, and the ``ScopeFacts`` of a record state.
///
/// Per entity, the first rule that yields a value wins:
/// 1. shared entities (``FieldbookModel/EntityAccess/isShared``): ``ScopeRoot/shared``;
/// 2. `account` itself: its own ID;
/// 3. ``Rule/accountFields`` (every entity with an `account` reference): that account;
/// 4. ``Rule/parentFields``: the effective root of the referenced record
///    (appointment → opportunity, ticket, contact; campaign member and event
///    registration → contact), kept current by the store when the parent moves;
/// 5. ``Rule/userFields`` (`owner`, `assignee`, `organizer`, …): that user;
/// 6. the creator (the user who pushed the first accepted change);
/// 7. ``ScopeRoot/nobody``.
///
/// ```swift
/// let facts = ScopeRules.standard.facts(for: contactState, creator: "user-anna")
/// facts.root   // .account("acc-17")
/// ```
public struct ScopeRules: Sendable {
    /// How one entity's records find their root.
    public struct Rule: Hashable, Sendable {
        /// Everyone sees the records.
        public var isShared: Bool
        /// Reference fields to an account, first set one wins.
        public var accountFields: [String]
        /// Reference fields to a record whose root is inherited, first set one wins.
        public var parentFields: [String]
        /// Reference fields to the owning user, first set one wins.
        public var userFields: [String]

        /// Creates a rule.
        public init(isShared: Bool = false, accountFields: [String] = [], parentFields: [String] = [], userFields: [String] = []) {
            self.isShared = isShared
            self.accountFields = accountFields
            self.parentFields = parentFields
            self.userFields = userFields
        }
    }

    /// Rules by entity name.
    public var rules: [String: Rule]

    /// Reference fields that inherit a parent's root, per entity, when no account is set.
    public static let standardParents: [String: [String]] = [
        "appointment": ["opportunity", "ticket", "contact"],
        "campaign_member": ["contact"],
        "event_registration": ["contact"],
    ]
    /// User reference fields that own an account-less record, in order of precedence.
    public static let standardUserFields = ["owner", "assignee", "organizer", "author", "invitedBy"]

    /// Creates rules.
    public init(rules: [String: Rule]) { self.rules = rules }

    /// Rules derived from `registry`: shared by access, `account` references, parents, owner fields.
    public init(registry: SchemaRegistry) {
        var rules: [String: Rule] = [:]
        for (name, schema) in registry.entities {
            guard !schema.access.isShared else {
                rules[name] = Rule(isShared: true)
                continue
            }
            let references = Dictionary(
                schema.fields.compactMap { field -> (String, String)? in
                    if case .reference(let target) = field.kind { return (field.name, target) }
                    return nil
                },
                uniquingKeysWith: { first, _ in first }
            )
            rules[name] = Rule(
                accountFields: references["account"] == "account" ? ["account"] : [],
                parentFields: (Self.standardParents[name] ?? []).filter { references[$0] != nil },
                userFields: Self.standardUserFields.filter { references[$0] == "user" }
            )
        }
        self.init(rules: rules)
    }

    /// The rules of the newest standard schema.
    public static let standard = ScopeRules(registry: .standard)

    /// The rule for `entity`; unknown entities are treated as customer data owned by `owner`.
    public func rule(for entity: String) -> Rule {
        rules[entity] ?? Rule(accountFields: ["account"], userFields: ["owner"])
    }

    /// Whether `entity`'s records are shared with everyone.
    public func isShared(_ entity: String) -> Bool { rule(for: entity).isShared }

    /// The facts to index for `state`, created by `creator`.
    public func facts(for state: RecordState, creator: String?) -> ScopeFacts {
        var keys: Set<String> = []
        switch state.entity {
        case "account":
            // An account belongs to its owner and its territory; only an
            // account with neither belongs to whoever created it.
            let territory = state.value("territory")?.text
            if let owner = state.value("owner")?.text ?? (territory == nil ? creator : nil) {
                keys.insert(ScopeKey.accountOwner(owner))
            }
            if let territory { keys.insert(ScopeKey.accountTerritory(territory)) }
        case "user":
            if let team = state.value("team")?.text { keys.insert(ScopeKey.userTeam(team)) }
        default:
            break
        }
        let rule = rule(for: state.entity)
        if rule.isShared { return ScopeFacts(root: .shared, keys: keys, creator: creator) }
        if state.entity == "account" { return ScopeFacts(root: .account(state.id), keys: keys, creator: creator) }
        if let account = Self.first(rule.accountFields, in: state) {
            return ScopeFacts(root: .account(account), keys: keys, creator: creator)
        }
        let owner = Self.first(rule.userFields, in: state) ?? creator
        let fallback = owner.map(ScopeRoot.user) ?? .nobody
        return ScopeFacts(root: fallback, parent: Self.first(rule.parentFields, in: state), keys: keys, creator: creator)
    }

    private static func first(_ fields: [String], in state: RecordState) -> String? {
        for field in fields {
            if let text = state.value(field)?.text, !text.isEmpty { return text }
        }
        return nil
    }
}
