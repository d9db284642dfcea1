import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookSync
import Testing

/// Scope scenarios over a fresh store (SYNC.md §11.5), run against every
/// store like ``StoreConformance``.
public enum ScopeScenarios {
    public static let checks: [StoreCheck] = [
        StoreCheck(name: "scope matrix: rep, manager, office per entity kind", run: scopeMatrix),
        StoreCheck(name: "an account moving territory evicts and snapshots what hangs off it", run: accountMovesTerritory),
        StoreCheck(name: "a record moving between accounts, with what inherits its root", run: recordMovesBetweenAccounts),
        StoreCheck(name: "a user's territories change", run: userTerritoriesChange),
        StoreCheck(name: "office pulls stay unscoped; role changes and dropped epochs expire cursors", run: cursorKinds),
        StoreCheck(name: "push authorization matrix", run: pushAuthorization),
        StoreCheck(name: "random reassignments and page sizes keep clients equal to their scope", run: randomReassignments),
    ]

    /// The organisation most scenarios start from.
    ///
    /// | user | role | team | territories |
    /// |---|---|---|---|
    /// | u-anna | rep | tm-1 (by `user.team`) | t-n |
    /// | u-ben | rep | tm-1 (by `team.members`) | t-s |
    /// | u-carl | rep | — | t-w |
    /// | u-mia | manager | tm-1 | — |
    /// | u-eva | office | — | — |
    ///
    /// Accounts: acc-n (t-n; contact c-n, opportunity o-n, activity a-n),
    /// acc-s (t-s; opportunity o-s), acc-own (no territory, owner u-ben;
    /// activity a-own), acc-w (t-w; contact c-w). Leads lead-anna, lead-ben.
    /// Product p-1.
    public static func organisation(_ store: any ServerStore, configuration: SyncServiceConfiguration = .init()) async throws
        -> ScopeWorld
    {
        let world = ScopeWorld(store: store, configuration: configuration)
        for territory in ["t-n", "t-s", "t-w"] { try await world.territory(territory) }
        try await world.team("tm-1", members: ["u-ben"])
        try await world.user("u-anna", team: "tm-1", territories: ["t-n"])
        try await world.user("u-ben", territories: ["t-s"])
        try await world.user("u-carl", territories: ["t-w"])
        try await world.user("u-mia", role: "manager", team: "tm-1")
        try await world.user("u-eva", role: "office")
        try await world.account("acc-n", territory: "t-n")
        try await world.account("acc-s", territory: "t-s")
        try await world.account("acc-own", owner: "u-ben")
        try await world.account("acc-w", territory: "t-w")
        try await world.contact("c-n", account: "acc-n")
        try await world.opportunity("o-n", account: "acc-n", owner: "u-anna")
        try await world.activity("a-n", account: "acc-n")
        try await world.opportunity("o-s", account: "acc-s", owner: "u-ben")
        try await world.activity("a-own", account: "acc-own")
        try await world.contact("c-w", account: "acc-w")
        try await world.lead("lead-anna", owner: "u-anna")
        try await world.lead("lead-ben", owner: "u-ben")
        try await world.product("p-1")
        return world
    }

    /// Records everyone sees in ``organisation(_:configuration:)``.
    public static let sharedIDs: Set<String> = [
        "t-n", "t-s", "t-w", "tm-1", "u-anna", "u-ben", "u-carl", "u-mia", "u-eva", "p-1",
    ]
    public static let annaIDs: Set<String> = sharedIDs.union(["acc-n", "c-n", "o-n", "a-n", "lead-anna"])
    public static let benIDs: Set<String> = sharedIDs.union(["acc-s", "o-s", "acc-own", "a-own", "lead-ben"])
    public static let carlIDs: Set<String> = sharedIDs.union(["acc-w", "c-w"])

    public static func anna() -> ScopedClient { ScopedClient("anna-phone", user: "u-anna", role: .rep) }
    public static func ben() -> ScopedClient { ScopedClient("ben-phone", user: "u-ben", role: .rep) }

    public static func scopeMatrix(_ store: any ServerStore) async throws {
        let world = try await organisation(store)
        let allIDs = try await store.records(after: nil, limit: 1000).map(\.id)
        let expectations: [(ScopedClient, Set<String>)] = [
            (anna(), annaIDs),
            (ben(), benIDs),
            (ScopedClient("carl-phone", user: "u-carl", role: .rep), carlIDs),
            (ScopedClient("mia-phone", user: "u-mia", role: .manager), annaIDs.union(benIDs)),
            (ScopedClient("eva-pc", user: "u-eva", role: .office), Set(allIDs)),
            (ScopedClient("admin-pc", user: "u-eva", role: .admin), Set(allIDs)),
            (ScopedClient("nobody", user: "u-nobody", role: .rep), sharedIDs),
        ]
        for (client, expected) in expectations {
            var client = client
            for limit in [1000, 3] {
                client.cursor = nil
                try await client.sync(from: world.service, limit: limit)
                #expect(Set(client.received).isSubset(of: expected), "\(client.caller.user ?? "") got out-of-scope records")
            }
            #expect(client.ids == expected, "\(client.caller.user ?? "") with role \(client.caller.role?.rawValue ?? "")")
            for id in allIDs {
                let state = try #require(try await store.record(id).record?.state)
                #expect(try await world.service.canRead(state, caller: client.caller) == expected.contains(id), "canRead \(id)")
            }
        }
    }

    public static func accountMovesTerritory(_ store: any ServerStore) async throws {
        let world = try await organisation(store)
        var anna = anna()
        var ben = ben()
        try await anna.sync(from: world.service)
        try await ben.sync(from: world.service)
        let annaBefore = anna
        let benBefore = ben
        try await world.write("account", "acc-n") { $0.set("territory", to: "t-s") }
        try await world.write("contact", "c-n") { $0.set("firstName", to: "Changed") }
        let moved: Set<String> = ["acc-n", "c-n", "o-n", "a-n"]
        for limit in [1000, 1, 2] {
            anna = annaBefore
            ben = benBefore
            let annaPages = try await anna.sync(from: world.service, limit: limit)
            let benPages = try await ben.sync(from: world.service, limit: limit)
            #expect(anna.ids == annaIDs.subtracting(moved), "limit \(limit)")
            #expect(ben.ids == benIDs.union(moved), "limit \(limit)")
            #expect(Set(annaPages.flatMap(\.evictions).map(\.id)).isSuperset(of: moved))
            #expect(Set(annaPages.flatMap { $0.snapshots.map(\.id) + $0.changes.map(\.record) }).isDisjoint(with: moved))
            #expect(Set(benPages.flatMap(\.snapshots).map(\.id)).isSuperset(of: moved))
            #expect(try await ben.records["c-n"] == store.record("c-n").record?.state)
        }
        // Resuming from an older cursor (the client lost its last pages) still converges.
        var resumed = annaBefore
        try await resumed.pullPage(from: world.service, limit: 1)
        let middle = resumed
        try await resumed.sync(from: world.service, limit: 1)
        resumed = middle
        try await resumed.sync(from: world.service, limit: 2)
        #expect(resumed.ids == annaIDs.subtracting(moved))
        // Nothing more to do.
        let again = try await anna.pullPage(from: world.service)
        #expect(again.evictions.isEmpty && again.snapshots.isEmpty && again.changes.isEmpty && !again.hasMore)
    }

    public static func recordMovesBetweenAccounts(_ store: any ServerStore) async throws {
        let world = try await organisation(store)
        try await world.write("campaign", "cmp-1") { $0.set("name", to: "Spring") }
        try await world.write("campaign_member", "cm-1") { builder in
            builder.set("campaign", to: "cmp-1")
            builder.set("contact", to: "c-n")
        }
        var anna = anna()
        var ben = ben()
        try await anna.sync(from: world.service)
        try await ben.sync(from: world.service)
        #expect(anna.ids.contains("cm-1") && !ben.ids.contains("cm-1"))
        try await world.write("contact", "c-n") { $0.set("account", to: "acc-s") }
        let annaPages = try await anna.sync(from: world.service, limit: 1)
        try await ben.sync(from: world.service, limit: 1)
        #expect(!anna.ids.contains("c-n") && !anna.ids.contains("cm-1"))
        #expect(Set(annaPages.flatMap(\.evictions).map(\.id)).isSuperset(of: ["c-n", "cm-1"]))
        #expect(ben.ids.isSuperset(of: ["c-n", "cm-1", "cmp-1"]))
        #expect(ben.records["c-n"]?.value("account") == "acc-s")
        // Moving back restores anna's view.
        try await world.write("contact", "c-n") { $0.set("account", to: "acc-n") }
        try await anna.sync(from: world.service, limit: 2)
        try await ben.sync(from: world.service, limit: 2)
        #expect(anna.ids == annaIDs.union(["cmp-1", "cm-1"]))
        #expect(ben.ids == benIDs.union(["cmp-1"]))
    }

    public static func userTerritoriesChange(_ store: any ServerStore) async throws {
        let world = try await organisation(store)
        var anna = anna()
        try await anna.sync(from: world.service)
        try await world.setTerritories(of: "u-anna", add: ["t-w"], remove: ["t-n"])
        let pages = try await anna.sync(from: world.service, limit: 2)
        #expect(anna.ids == sharedIDs.union(["acc-w", "c-w", "lead-anna"]))
        #expect(Set(pages.flatMap(\.evictions).map(\.id)).isSuperset(of: ["acc-n", "c-n", "o-n", "a-n"]))
        #expect(anna.records["u-anna"]?.elements(of: "territories") == ["t-w"])
        // A new account in the new territory arrives as a plain change.
        try await world.account("acc-w2", territory: "t-w")
        try await anna.sync(from: world.service)
        #expect(anna.ids.contains("acc-w2"))
    }
}
