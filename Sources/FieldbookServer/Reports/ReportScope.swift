import FieldbookModel
import FieldbookServerCore
import FieldbookSync

/// Whose figures a report request covers, and whether the caller may ask
/// for them (`scope=company|team|rep`, see `Protocol/reports-api.md`):
///
/// | caller | company | team | rep |
/// |---|---|---|---|
/// | office, admin, system | yes (default) | `team=` any team | `rep=` anyone |
/// | manager | 403 | own team (default) | self or a team member |
/// | rep | 403 | 403 | self only (default) |
///
/// Independently of this, only records the caller may read count.
struct ReportScope: Hashable, Sendable {
    /// The scope names.
    enum Kind: String, CaseIterable, Sendable {
        case company, team, rep
    }

    /// The scope granted.
    var kind: Kind
    /// The reps the figures are restricted to; nil: everyone (company).
    var reps: Set<String>?
    /// The team (team scope).
    var team: String?

    /// Decides the scope of a request of `caller` asking for `scope` (nil:
    /// the role's default), `team` and `rep`, given the organisation
    /// records in `dataset` (users and teams).
    /// - Throws: ``RecordAPIError`` 403 when the caller may not see those
    ///   figures, 400 for an unknown scope or a missing parameter.
    static func resolve(
        caller: AuthenticatedDevice, scope requested: String?, team requestedTeam: String?, rep: String?,
        organisation: ReportDataset
    ) throws(RecordAPIError) -> ReportScope {
        let unscoped = CallerScope.unscopedRoles.contains(caller.role)
        let kind: Kind
        if let requested {
            guard let parsed = Kind(rawValue: requested) else {
                throw .invalidRequest("scope must be company, team or rep")
            }
            kind = parsed
        } else {
            kind = unscoped ? .company : caller.role == .manager ? .team : .rep
        }
        switch kind {
        case .company:
            guard unscoped else { throw .forbidden("the \(caller.role) role may not see company figures") }
            return ReportScope(kind: .company, reps: nil)
        case .team:
            let team: String
            if unscoped {
                guard let requestedTeam else { throw .invalidRequest("scope=team needs team=<team ID> for this role") }
                team = requestedTeam
            } else if caller.role == .manager {
                guard let own = organisation.record(caller.user)?.value("team")?.text else {
                    throw .forbidden("the manager belongs to no team")
                }
                if let requestedTeam, requestedTeam != own { throw .forbidden("a manager sees only their own team") }
                team = own
            } else {
                throw .forbidden("the \(caller.role) role may not see team figures")
            }
            var members = members(of: team, in: organisation)
            if caller.role == .manager { members.insert(caller.user) }
            if let rep, !members.contains(rep) { throw .forbidden("rep \(rep) is not in team \(team)") }
            return ReportScope(kind: .team, reps: members, team: team)
        case .rep:
            let chosen = rep ?? caller.user
            if !unscoped, chosen != caller.user {
                guard caller.role == .manager, let own = organisation.record(caller.user)?.value("team")?.text,
                    members(of: own, in: organisation).contains(chosen)
                else { throw .forbidden("the \(caller.role) role may not see another rep's figures") }
            }
            return ReportScope(kind: .rep, reps: [chosen])
        }
    }

    /// The members of `team`: its `members` and the users naming it as their team.
    static func members(of team: String, in organisation: ReportDataset) -> Set<String> {
        var members = Set(organisation.record(team)?.elements(of: "members") ?? [])
        for user in organisation.records("user") where user.value("team")?.text == team { members.insert(user.id) }
        return members
    }

    /// The scope as JSON.
    var json: RecordJSONValue {
        .object([
            "kind": .string(kind.rawValue), "team": team.map(RecordJSONValue.string) ?? .null,
            "reps": reps.map { .array($0.sorted().map(RecordJSONValue.string)) } ?? .null,
        ])
    }
}
