import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookSync

/// A scoped service plus builders for the organisation and customer records
/// scope tests need, written as the server (role `system`) so that only the
/// scope rules under test decide what reps and managers see.
///
/// ```swift
/// let world = ScopeWorld()
/// try await world.user("u-anna", territories: ["t-north"])
/// try await world.account("acc-1", territory: "t-north")
/// ```
public struct ScopeWorld: Sendable {
    /// Why a seeding write failed.
    public struct SeedError: Error, CustomStringConvertible {
        public let description: String
    }

    public let store: any ServerStore
    public let service: SyncService

    /// A world over `store` with scopes on and the default configuration otherwise.
    public init(store: any ServerStore = InMemoryServerStore(), configuration: SyncServiceConfiguration = .init()) {
        self.store = store
        service = SyncService(store: store, clock: TestClock(), configuration: configuration)
    }

    /// Writes `record` as the server; throws unless accepted.
    public func write(_ entity: String, _ record: String, _ edit: (inout ChangeBuilder) -> Void) async throws {
        let authored = try await service.author(entity, record) { edit(&$0) }
        if let authored, authored.result.status == .rejected {
            throw SeedError(description: "seeding \(entity) \(record) was rejected: \(authored.result.code?.rawValue ?? "") \(authored.result.reason ?? "")")
        }
    }

    public func user(_ id: String, role: String = "rep", team: String? = nil, territories: [String] = []) async throws {
        try await write("user", id) { builder in
            builder.set("login", to: .text(id))
            builder.set("displayName", to: .text(id))
            builder.set("role", to: .text(role))
            if let team { builder.set("team", to: .text(team)) }
            for territory in territories { builder.add(territory, to: "territories") }
        }
    }

    public func setTerritories(of user: String, add: [String] = [], remove: [String] = []) async throws {
        try await write("user", user) { builder in
            for territory in add { builder.add(territory, to: "territories") }
            for territory in remove { builder.remove(territory, from: "territories") }
        }
    }

    public func team(_ id: String, members: [String] = []) async throws {
        try await write("team", id) { builder in
            builder.set("name", to: .text(id))
            for member in members { builder.add(member, to: "members") }
        }
    }

    public func territory(_ id: String) async throws {
        try await write("territory", id) { $0.set("name", to: .text(id)) }
    }

    public func account(_ id: String, territory: String? = nil, owner: String? = nil) async throws {
        try await write("account", id) { builder in
            builder.set("name", to: .text("Account \(id)"))
            builder.set("territory", to: territory.map(Value.text) ?? .null)
            builder.set("owner", to: owner.map(Value.text) ?? .null)
        }
    }

    public func contact(_ id: String, account: String) async throws {
        try await write("contact", id) { builder in
            builder.set("account", to: .text(account))
            builder.set("lastName", to: "Contact")
        }
    }

    public func opportunity(_ id: String, account: String, owner: String) async throws {
        try await write("opportunity", id) { builder in
            builder.set("account", to: .text(account))
            builder.set("name", to: "Deal")
            builder.set("status", to: "open")
            builder.set("owner", to: .text(owner))
        }
    }

    public func activity(_ id: String, account: String) async throws {
        try await write("activity", id) { builder in
            builder.set("kind", to: "note")
            builder.set("subject", to: "Note")
            builder.set("account", to: .text(account))
            builder.set("occurredAt", to: "2025-06-15T10:00:00Z")
        }
    }

    public func lead(_ id: String, owner: String?) async throws {
        try await write("lead", id) { builder in
            builder.set("status", to: "new")
            builder.set("lastName", to: "Lead")
            builder.set("followUpDate", to: "2025-07-01")
            builder.set("owner", to: owner.map(Value.text) ?? .null)
        }
    }

    public func product(_ id: String) async throws {
        try await write("product", id) { builder in
            builder.set("number", to: .text(id))
            builder.set("name", to: "Product")
        }
    }
}
