import Logging
import FieldbookModel
import FieldbookServerCore
import FieldbookSync

extension IdentityService {
    /// Creates a user: the credentials in the directory and the `user`
    /// record (login, displayName, role, team, territories, active) in the
    /// sync store; the user also joins the team's `members`.
    /// - Returns: the new user's record ID.
    /// - Throws: `invalid` (login, name, role, password), `notFound` (team,
    ///   territory), `conflict` (login taken).
    @discardableResult
    public func addUser(_ user: NewUser) async throws -> String {
        guard user.login.wholeMatch(of: /[A-Za-z0-9][A-Za-z0-9._@-]{0,63}/) != nil else {
            throw IdentityError(.invalid, "a login has 1 to 64 characters from A-Z a-z 0-9 . _ @ - and starts with a letter or digit")
        }
        let displayName = try Self.checkedName(user.displayName, "the name")
        guard Self.assignableRoles.contains(Role(rawValue: user.role)) else {
            throw IdentityError(.invalid, "unknown role '\(user.role)'; use rep, manager, office or admin")
        }
        try PasswordHasher.check(newPassword: user.password)
        let team = try await user.team.asyncMap { try await teamID($0) }
        var territories: [String] = []
        for reference in user.territories { territories.append(try await territoryID(reference)) }
        let id = Self.newID()
        let credential = DirectoryStore.Credential(
            user: id, login: user.login, passwordHash: await hasher.hash(user.password), role: user.role, disabled: false
        )
        try await directory.insert(credential, now: Self.now())
        do {
            try await author("user", id) { builder in
                builder.set("login", to: .text(user.login))
                builder.set("displayName", to: .text(displayName))
                builder.set("role", to: .text(user.role))
                if let team { builder.set("team", to: .text(team)) }
                for territory in territories { builder.add(territory, to: "territories") }
                builder.set("active", to: .bool(true))
            }
            if let team { try await author("team", team) { $0.add(id, to: "members") } }
        } catch {
            try? await directory.deleteCredential(user: id)
            throw error
        }
        logger.info("user added", metadata: ["user": "\(id)", "role": "\(user.role)"])
        return id
    }

    /// Every user with credentials, by login, joined with their records.
    public func listUsers() async throws -> [UserSummary] {
        var users: [UserSummary] = []
        for (credential, activeDevices) in try await directory.credentials() {
            let record = try await record(credential.user, of: "user")
            users.append(
                UserSummary(
                    id: credential.user, login: credential.login, displayName: record?.value("displayName")?.text,
                    role: credential.role, team: record?.value("team")?.text,
                    territories: (record?.elements(of: "territories") ?? []).sorted(), disabled: credential.disabled,
                    activeDevices: activeDevices
                )
            )
        }
        return users
    }

    /// Disables a user (login or record ID): they can no longer sign in,
    /// every device is revoked (tokens stop working at once) and its replica
    /// retired; the `user` record gets `active = false`.
    /// - Returns: the user's record ID.
    @discardableResult
    public func disableUser(_ reference: String) async throws -> String {
        let id = try await userID(reference)
        let replicas = try await directory.disable(user: id, now: Self.now())
        for replica in replicas { try await retire(replica) }
        try await author("user", id) { $0.set("active", to: .bool(false)) }
        logger.info("user disabled", metadata: ["user": "\(id)", "devices": "\(replicas.count)"])
        return id
    }

    /// Changes a user's role in the credentials (what ``authenticate(token:)``
    /// reports, effective on the next request) and in the `user` record.
    /// - Returns: the user's record ID.
    @discardableResult
    public func setRole(of reference: String, to role: String) async throws -> String {
        guard Self.assignableRoles.contains(Role(rawValue: role)) else {
            throw IdentityError(.invalid, "unknown role '\(role)'; use rep, manager, office or admin")
        }
        let id = try await userID(reference)
        try await directory.setRole(user: id, role: role)
        try await author("user", id) { $0.set("role", to: .text(role)) }
        logger.info("user role changed", metadata: ["user": "\(id)", "role": "\(role)"])
        return id
    }

    /// Retires a replica from the stability frontier (SYNC.md §9.1).
    func retire(_ replica: String) async throws {
        guard let id = try? ReplicaID(replica) else { return }
        try await sync.retire(id)
    }
}

extension Optional {
    /// `map` with an async, throwing transform.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
