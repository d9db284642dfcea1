import FieldbookModel
import FieldbookProtocol
import FieldbookSync

extension SyncService {
    /// Step 8, scope part, before the merge (SYNC.md §11.5): an existing
    /// record must be in the caller's scope, or have left the scope the
    /// pushing replica was last served (its author could not know yet).
    static func scopeRejection(writing change: Change, current: RecordState?, entry: ScopeEntry?, in context: PushContext)
        -> Rejection?
    {
        guard !context.scope.isEverything, current != nil, let entry else { return nil }
        guard context.scope.contains(entry.root) || context.servedRoots.contains(entry.root) else {
            return Rejection(.outOfScope, "\(change.entity) \(change.record) is not in your scope")
        }
        return nil
    }

    /// Step 8, scope part, on the merged record: where the record ends up
    /// must be in the caller's scope, and only managers (within their team)
    /// and the back office assign accounts.
    ///
    /// - An account's `owner` and `territory` may be set on a new account to
    ///   the caller (team members for a manager) and the caller's (team's)
    ///   territories; on an existing account only a manager may change them,
    ///   within the team. Otherwise `forbidden`.
    /// - Any other record must hang off a root in scope: `out_of_scope` for a
    ///   new record, `forbidden` for a record moved there.
    func scopeRejection(placing state: RecordState, facts: ScopeFacts, before current: RecordState?, entry: ScopeEntry?, in context: PushContext)
        async throws -> Rejection?
    {
        let scope = context.scope
        guard !scope.isEverything else { return nil }
        if state.entity == "account" {
            return Self.accountRejection(state, before: current, role: context.caller.role, scope: scope)
        }
        let root = try await effectiveRoot(of: facts)
        guard root != entry?.root, !scope.contains(root) else { return nil }
        if current == nil || entry == nil {
            return Rejection(.outOfScope, "new \(state.entity) \(state.id) would belong to \(root), which is not in your scope")
        }
        return Rejection(.forbidden, "\(state.entity) \(state.id) may not move to \(root), which is not in your scope")
    }

    private static func accountRejection(_ state: RecordState, before current: RecordState?, role: Role?, scope: CallerScope)
        -> Rejection?
    {
        for field in ["owner", "territory"] {
            let value = state.value(field)?.text
            guard value != current?.value(field)?.text else { continue }
            if current != nil && role != .manager {
                return Rejection(.forbidden, "only a manager or the office may change the \(field) of account \(state.id)")
            }
            guard let value else { continue }
            let allowed = field == "owner" ? scope.users.contains(value) : scope.territories.contains(value)
            guard allowed else {
                let whose = role == .manager ? "your team's" : "your own"
                return Rejection(.forbidden, "the \(field) of account \(state.id) must be one of \(whose)")
            }
        }
        return nil
    }

    /// Adds account `id` to `scope` when its territory or owner (as just
    /// committed) is one of the caller's: a rep who creates an account and
    /// its contacts in one push may write the contacts (SYNC.md §11.5.1).
    func admitAccount(_ id: String, into scope: inout CallerScope) async throws {
        guard let entry = try await store.scopeEntry(of: id), entry.entity == "account" else { return }
        let callerKeys = Set(scope.users.map(ScopeKey.accountOwner) + scope.territories.map(ScopeKey.accountTerritory))
        guard !entry.facts.keys.isDisjoint(with: callerKeys) else { return }
        scope.roots?.insert(entry.root)
    }

}
