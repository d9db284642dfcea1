import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookSync
import Testing

extension ScopeScenarios {
    /// Random reassignments, contact moves, territory changes and edits,
    /// interleaved with partial and complete pulls of random page sizes.
    /// After every page no client holds a record it may not see now; after
    /// every complete sync it holds exactly its scope, each record equal to
    /// the server's state.
    public static func randomReassignments(_ store: any ServerStore) async throws {
        try await randomReassignments(store, seed: 0x5C0FE)
    }

    /// ``randomReassignments(_:)`` with another seed and length.
    public static func randomReassignments(_ store: any ServerStore, seed: UInt64, steps: Int = 150) async throws {
        var random = SplitMix(seed: seed)
        let world = try await organisation(store)
        let territories = ["t-n", "t-s", "t-w"]
        let reps = ["u-anna", "u-ben", "u-carl"]
        var accounts = ["acc-n", "acc-s", "acc-own", "acc-w"]
        var contacts = ["c-n", "c-w"]
        var clients = reps.map { ScopedClient("\($0)-phone", user: $0, role: .rep) }
        clients.append(ScopedClient("mia-phone", user: "u-mia", role: .manager))
        for index in clients.indices { try await clients[index].sync(from: world.service) }
        // Earlier copies of each client: resuming from one is a client that lost its last pages.
        var saved = clients
        for step in 0..<steps {
            switch random.next(below: 8) {
            case 0:
                let account = accounts[random.next(below: accounts.count)]
                let territory = territories[random.next(below: territories.count)]
                try await world.write("account", account) { $0.set("territory", to: .text(territory)) }
            case 1:
                let account = accounts[random.next(below: accounts.count)]
                let owner: Value = random.next(below: 2) == 0 ? .null : .text(reps[random.next(below: reps.count)])
                try await world.write("account", account) { $0.set("owner", to: owner) }
            case 2:
                let contact = contacts[random.next(below: contacts.count)]
                try await world.write("contact", contact) { $0.set("account", to: .text(accounts[random.next(below: accounts.count)])) }
            case 3:
                let rep = reps[random.next(below: reps.count)]
                let territory = territories[random.next(below: territories.count)]
                try await world.setTerritories(
                    of: rep, add: random.next(below: 2) == 0 ? [territory] : [], remove: random.next(below: 2) == 0 ? [territory] : []
                )
            case 4:
                let contact = "c-r\(step)"
                try await world.contact(contact, account: accounts[random.next(below: accounts.count)])
                contacts.append(contact)
            case 5 where random.next(below: 2) == 0:
                // Team membership changes: ben in the team record, carl by his user record.
                if random.next(below: 2) == 0 {
                    let add = random.next(below: 2) == 0
                    try await world.write("team", "tm-1") { add ? $0.add("u-ben", to: "members") : $0.remove("u-ben", from: "members") }
                } else {
                    let team: Value = random.next(below: 2) == 0 ? "tm-1" : .null
                    try await world.write("user", "u-carl") { $0.set("team", to: team) }
                }
            case 5 where accounts.count < 10:
                let account = "acc-r\(step)"
                try await world.account(account, territory: territories[random.next(below: territories.count)])
                accounts.append(account)
            default:
                let contact = contacts[random.next(below: contacts.count)]
                try await world.write("contact", contact) { $0.set("firstName", to: .text("v\(step)")) }
            }
            let index = random.next(below: clients.count)
            switch random.next(below: 6) {
            case 0: clients[index] = saved[index]
            case 1: saved[index] = clients[index]
            default: break
            }
            let limit = 1 + random.next(below: 5)
            let complete = random.next(below: 3) != 0
            var pages = 0
            repeat {
                let page: PullResponse
                do {
                    page = try await clients[index].pullPage(from: world.service, limit: limit)
                } catch let error as SyncServiceError where error.code == .cursorExpired {
                    // The epoch of an old copy was dropped: re-download (SYNC.md §9.5).
                    clients[index].reset()
                    continue
                }
                pages += 1
                let visible = try await expectedIDs(of: clients[index].caller, in: store)
                let sent = Set(page.snapshots.map(\.id)).union(page.changes.map(\.record))
                #expect(sent.isSubset(of: visible), "step \(step): out-of-scope records \(sent.subtracting(visible).sorted())")
                guard page.hasMore, complete || pages < 2 else { break }
            } while true
            if complete {
                let visible = try await expectedIDs(of: clients[index].caller, in: store)
                let held = clients[index].ids
                #expect(
                    held == visible,
                    "step \(step): \(clients[index].caller.user!) misses \(visible.subtracting(held).sorted()), has extra \(held.subtracting(visible).sorted())"
                )
                for (id, state) in clients[index].records {
                    #expect(try await store.record(id).record?.state.fieldValues == state.fieldValues, "step \(step): \(id) is stale")
                }
            }
        }
    }

    /// The IDs a rep or manager sees, computed straight from the records (not from the scope index).
    static func expectedIDs(of caller: SyncCaller, in store: any ServerStore) async throws -> Set<String> {
        var states: [String: RecordState] = [:]
        for record in try await store.records(after: nil, limit: 10_000) { states[record.id] = record.state }
        let user = caller.user!
        var users: Set<String> = [user]
        if caller.role == .manager, let team = states[user]?.value("team")?.text {
            users.formUnion(states.values.filter { $0.entity == "user" && $0.value("team")?.text == team }.map(\.id))
            users.formUnion(states[team]?.elements(of: "members") ?? [])
        }
        let territories = Set(users.flatMap { states[$0]?.elements(of: "territories") ?? [] })
        func seesAccount(_ id: String?) -> Bool {
            guard let id, let account = states[id] else { return false }
            if let territory = account.value("territory")?.text, territories.contains(territory) { return true }
            return account.value("owner")?.text.map(users.contains) ?? false
        }
        return Set(
            states.values.filter { state in
                switch state.entity {
                case "account": seesAccount(state.id)
                case "lead": state.value("owner")?.text.map(users.contains) ?? false
                case "contact", "opportunity", "activity": seesAccount(state.value("account")?.text)
                case "campaign_member": seesAccount(states[state.value("contact")?.text ?? ""]?.value("account")?.text)
                default: SchemaRegistry.standard.entity(state.entity)?.access.isShared ?? false
                }
            }.map(\.id)
        )
    }
}

/// A small deterministic generator (SplitMix64), so failures reproduce.
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
