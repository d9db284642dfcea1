import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookSync
import Testing

extension ScopeScenarios {
    public static func cursorKinds(_ store: any ServerStore) async throws {
        var configuration = SyncServiceConfiguration()
        configuration.keptScopeEpochs = 2
        let world = try await organisation(store, configuration: configuration)
        var office = ScopedClient("eva-pc", user: "u-eva", role: .office)
        try await office.sync(from: world.service)
        #expect(try await store.latestScopeEpoch(of: office.replica) == nil)
        // The office user becomes a rep: the unscoped cursor expires.
        let demoted = ScopedClient("eva-pc", user: "u-eva", role: .rep)
        await #expect(throws: SyncServiceError.cursorExpired) {
            try await world.service.pull(PullRequest(schemaVersion: 1, replica: demoted.replica, cursor: office.cursor), caller: demoted.caller)
        }
        // A scoped cursor whose epoch was dropped expires too.
        var anna = anna()
        try await anna.sync(from: world.service)
        let old = anna
        for territory in ["t-s", "t-w"] {
            try await world.setTerritories(of: "u-anna", add: [territory])
            try await anna.sync(from: world.service)
        }
        await #expect(throws: SyncServiceError.cursorExpired) {
            try await world.service.pull(PullRequest(schemaVersion: 1, replica: old.replica, cursor: old.cursor), caller: old.caller)
        }
        // ... and a scoped cursor used by a caller who now sees everything.
        await #expect(throws: SyncServiceError.cursorExpired) {
            try await world.service.pull(PullRequest(schemaVersion: 1, replica: anna.replica, cursor: anna.cursor), caller: office.caller)
        }
    }

    public static func pushAuthorization(_ store: any ServerStore) async throws {
        let world = try await organisation(store)
        let service = world.service
        var anna = anna()
        try await anna.sync(from: service)
        func code(_ result: ChangeResult) -> WireErrorCode? { result.status == .rejected ? result.code : nil }
        // In scope: accepted.
        #expect(code(try await anna.push("contact", "c-n", to: service) { $0.set("firstName", to: "Ok") }) == nil)
        #expect(code(try await anna.push("contact", "c-new", to: service) { builder in
            builder.set("account", to: "acc-n")
            builder.set("lastName", to: "New")
        }) == nil)
        // Out of scope: existing records of other accounts, new records on them.
        #expect(code(try await anna.push("opportunity", "o-s", to: service) { $0.set("name", to: "Mine") }) == .outOfScope)
        #expect(code(try await anna.push("contact", "c-other", to: service) { builder in
            builder.set("account", to: "acc-s")
            builder.set("lastName", to: "New")
        }) == .outOfScope)
        func lead(_ builder: inout ChangeBuilder) {
            builder.set("status", to: "new")
            builder.set("lastName", to: "Lead")
            builder.set("followUpDate", to: "2025-07-01")
        }
        #expect(code(try await anna.push("lead", "lead-x", to: service) { builder in
            lead(&builder)
            builder.set("owner", to: "u-ben")
        }) == .outOfScope)
        #expect(code(try await anna.push("lead", "lead-mine", to: service) { builder in
            lead(&builder)
            builder.set("owner", to: "u-anna")
        }) == nil)
        // Moving a record to an out-of-scope account, reassigning accounts: forbidden.
        #expect(code(try await anna.push("contact", "c-n", to: service) { $0.set("account", to: "acc-s") }) == .forbidden)
        #expect(code(try await anna.push("account", "acc-n", to: service) { $0.set("territory", to: "t-s") }) == .forbidden)
        #expect(code(try await anna.push("account", "acc-n", to: service) { $0.set("owner", to: "u-anna") }) == .forbidden)
        // New accounts: only to herself and her territories.
        #expect(code(try await anna.push("account", "acc-a1", to: service) { builder in
            builder.set("name", to: "Mine")
            builder.set("owner", to: "u-anna")
        }) == nil)
        #expect(code(try await anna.push("account", "acc-a2", to: service) { builder in
            builder.set("name", to: "Theirs")
            builder.set("owner", to: "u-ben")
        }) == .forbidden)
        #expect(code(try await anna.push("account", "acc-a3", to: service) { builder in
            builder.set("name", to: "North")
            builder.set("territory", to: "t-n")
        }) == nil)
        #expect(code(try await anna.push("account", "acc-a4", to: service) { builder in
            builder.set("name", to: "South")
            builder.set("territory", to: "t-s")
        }) == .forbidden)
        #expect(code(try await anna.push("account", "acc-a5", to: service) { $0.set("name", to: "Unassigned") }) == nil)
        try await anna.sync(from: service)
        #expect(anna.ids.isSuperset(of: ["acc-a1", "acc-a3", "acc-a5", "c-new", "lead-mine"]))
        // A manager reassigns within the team only.
        var mia = ScopedClient("mia-phone", user: "u-mia", role: .manager)
        try await mia.sync(from: service)
        #expect(code(try await mia.push("account", "acc-n", to: service) { $0.set("territory", to: "t-w") }) == .forbidden)
        #expect(code(try await mia.push("account", "acc-n", to: service) { $0.set("owner", to: "u-carl") }) == .forbidden)
        #expect(code(try await mia.push("account", "acc-w", to: service) { $0.set("name", to: "x") }) == .outOfScope)
        #expect(code(try await mia.push("account", "acc-n", to: service) { $0.set("territory", to: "t-s") }) == nil)
        // The office writes anything.
        var eva = ScopedClient("eva-pc", user: "u-eva", role: .office)
        try await eva.sync(from: service)
        #expect(code(try await eva.push("account", "acc-w", to: service) { $0.set("territory", to: "t-n") }) == nil)
        // §11.5: a record that left the scope since the replica's last pull stays writable until it pulls.
        try await anna.sync(from: service)
        #expect(anna.ids.contains("acc-w") && !anna.ids.contains("acc-n"))
        try await world.write("account", "acc-w") { $0.set("territory", to: "t-s") }
        #expect(code(try await anna.push("contact", "c-w", to: service) { $0.set("firstName", to: "Late") }) == nil)
        try await anna.sync(from: service)
        #expect(!anna.ids.contains("c-w"))
        #expect(code(try await anna.push("contact", "c-w", to: service) { $0.set("firstName", to: "Later") }) == .outOfScope)
    }
}
