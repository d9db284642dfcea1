import FieldbookSync
import Logging
extension IdentityService {
    /// Creates a team record (and its name index entry).
    /// - Parameters:
    ///   - name: unique team name.
    ///   - manager: the manager's login or record ID.
    /// - Returns: the team's record ID.
    @discardableResult
    public func addTeam(name: String, manager: String? = nil) async throws -> String {
        let name = try Self.checkedName(name, "a team name")
        let managerID = try await manager.asyncMap { try await userID($0) }
        let id = Self.newID()
        try await directory.insert(.team, id: id, name: name, code: nil)
        do {
            try await author("team", id) { builder in
                builder.set("name", to: .text(name))
                if let managerID { builder.set("manager", to: .text(managerID)) }
            }
        } catch {
            try? await directory.delete(.team, id: id)
            throw error
        }
        return id
    }

    /// Creates a territory record (and its name/code index entry).
    /// - Returns: the territory's record ID.
    @discardableResult
    public func addTerritory(name: String, code: String? = nil) async throws -> String {
        let name = try Self.checkedName(name, "a territory name")
        let code = try code.map { try Self.checkedName($0, "a territory code", maxLength: 20) }
        let id = Self.newID()
        try await directory.insert(.territory, id: id, name: name, code: code)
        do {
            try await author("territory", id) { builder in
                builder.set("name", to: .text(name))
                if let code { builder.set("code", to: .text(code)) }
            }
        } catch {
            try? await directory.delete(.territory, id: id)
            throw error
        }
        return id
    }

    /// Adds a territory to a user's `territories` (or removes it).
    /// - Returns: the territory's and the user's record IDs.
    @discardableResult
    public func assignTerritory(_ territory: String, user: String, remove: Bool = false) async throws -> (
        territory: String, user: String
    ) {
        let territoryID = try await territoryID(territory)
        let userID = try await userID(user)
        try await author("user", userID) { builder in
            if remove { builder.remove(territoryID, from: "territories") } else { builder.add(territoryID, to: "territories") }
        }
        return (territoryID, userID)
    }

    /// Moves an account to a territory (and optionally a new owner), as a
    /// server-authored change of the `account` record.
    /// - Returns: the territory's and (if given) the owner's record IDs.
    @discardableResult
    public func assignAccount(_ account: String, territory: String, owner: String? = nil) async throws -> (
        territory: String, owner: String?
    ) {
        guard try await record(account, of: "account") != nil else {
            throw IdentityError(.notFound, "no account '\(account)'")
        }
        let territoryID = try await territoryID(territory)
        let ownerID = try await owner.asyncMap { try await userID($0) }
        try await author("account", account) { builder in
            builder.set("territory", to: .text(territoryID))
            if let ownerID { builder.set("owner", to: .text(ownerID)) }
        }
        logger.info("account reassigned", metadata: ["account": "\(account)", "territory": "\(territoryID)"])
        return (territoryID, ownerID)
    }

    /// Teams by name: (record ID, name).
    public func listTeams() async throws -> [(id: String, name: String)] {
        try await directory.entries(.team).map { (id: $0.id, name: $0.name) }
    }

    /// Territories by name: (record ID, name, code).
    public func listTerritories() async throws -> [(id: String, name: String, code: String?)] {
        try await directory.entries(.territory)
    }
}
