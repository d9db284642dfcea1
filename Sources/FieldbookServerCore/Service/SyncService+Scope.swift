import FieldbookModel
import FieldbookProtocol
import FieldbookSync

extension SyncService {
    /// Whether `caller` may read `state` now (SYNC.md §11.5): the check the
    /// sync pull applies to every record, for other read paths such as the
    /// office REST API.
    ///
    /// The record's root comes from the store's scope index when the record
    /// is stored, else from ``ScopeRules`` applied to `state`.
    ///
    /// ```swift
    /// guard try await service.canRead(state, caller: caller) else { return .notFound }
    /// ```
    public func canRead(_ state: RecordState, caller: SyncCaller) async throws -> Bool {
        try await canRead(state, caller: caller, scope: scope(of: caller))
    }

    /// Whether `caller`, whose current scope is `scope` (from
    /// ``scope(of:)``), may read `state`: for checking many records against
    /// one scope, e.g. a list page.
    public func canRead(_ state: RecordState, caller: SyncCaller, scope: CallerScope) async throws -> Bool {
        if scope.isEverything { return true }
        return scope.contains(try await root(of: state, creator: caller.user))
    }

    /// The caller's current scope, computed from the user, team and account
    /// records in the store. Everything when scopes are off.
    public func scope(of caller: SyncCaller) async throws -> CallerScope {
        guard configuration.enforcesScopes, let role = caller.role, !CallerScope.unscopedRoles.contains(role) else {
            return .everything
        }
        guard let user = caller.user else { return CallerScope(roots: []) }
        var users: Set<String> = [user]
        if role == .manager, let team = try await store.record(user).record?.state.value("team")?.text {
            users.formUnion(try await store.records(withScopeKeys: [ScopeKey.userTeam(team)]))
            if let members = try await store.record(team).record?.state.elements(of: "members") {
                users.formUnion(members)
            }
        }
        var territories: Set<String> = []
        var keys: Set<String> = []
        for member in users {
            keys.insert(ScopeKey.accountOwner(member))
            let memberState = try await store.record(member).record?.state
            guard memberState?.entity == "user" else { continue }
            for territory in memberState?.elements(of: "territories") ?? [] {
                territories.insert(territory)
                keys.insert(ScopeKey.accountTerritory(territory))
            }
        }
        var roots = Set(users.map(ScopeRoot.user))
        for account in try await store.records(withScopeKeys: keys) { roots.insert(.account(account)) }
        return CallerScope(roots: roots, users: users, territories: territories)
    }

    /// The effective root of `state`: indexed, or computed as if committed now.
    func root(of state: RecordState, creator: String?) async throws -> ScopeRoot {
        if let entry = try await store.scopeEntry(of: state.id), entry.entity == state.entity { return entry.root }
        return try await effectiveRoot(of: configuration.scopes.facts(for: state, creator: creator))
    }

    /// The root `facts` resolve to against the store's current index.
    func effectiveRoot(of facts: ScopeFacts) async throws -> ScopeRoot {
        guard let parent = facts.parent, let entry = try await store.scopeEntry(of: parent) else { return facts.root }
        return entry.root
    }
}
