import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookSync
import Testing

/// The scope-index checks of the store conformance suite (SYNC.md §11.5).
extension StoreConformance {
    static let scopeChecks: [StoreCheck] = [
        StoreCheck(name: "the scope index follows commits", run: scopeIndexFollowsCommits),
        StoreCheck(name: "root changes are logged and cascade to children", run: rootChangesCascade),
        StoreCheck(name: "root changes go with the log and purges", run: rootChangesGoWithTheLog),
        StoreCheck(name: "scope epochs are numbered and kept", run: scopeEpochsAreKept),
    ]

    private static func name(_ value: String, counter: UInt64, _ record: String, _ entity: String = "contact") -> Change {
        F.change(entity, record: record, counter: counter, [F.set("name", .text(value))])
    }

    public static func scopeIndexFollowsCommits(_ store: any ServerStore) async throws {
        let account = ScopeFacts(
            root: .account("acc-1"), keys: [ScopeKey.accountOwner("u-1"), ScopeKey.accountTerritory("t-1")], creator: "u-1"
        )
        _ = try await commit(name("A", counter: 1, "acc-1", "account"), scope: account, to: store)
        _ = try await commit(name("B", counter: 2, "c-2"), scope: ScopeFacts(root: .account("acc-1")), to: store)
        _ = try await commit(name("C", counter: 3, "c-1"), scope: ScopeFacts(root: .account("acc-1")), to: store)
        _ = try await commit(name("D", counter: 4, "lead-1", "lead"), scope: ScopeFacts(root: .user("u-1")), to: store)
        _ = try await commit(name("E", counter: 5, "plain"), to: store)
        #expect(try await store.scopeEntry(of: "acc-1") == ScopeEntry(entity: "account", facts: account, root: .account("acc-1")))
        #expect(try await store.scopeEntry(of: "plain") == nil)
        #expect(try await store.scopeRoots(of: ["c-1", "lead-1", "plain", "nothing"]) == ["c-1": .account("acc-1"), "lead-1": .user("u-1")])
        #expect(try await store.records(withScopeKeys: [ScopeKey.accountTerritory("t-1"), ScopeKey.userTeam("x")]) == ["acc-1"])
        #expect(try await store.records(withScopeKeys: []) == [])
        let all = try await store.scopedRecords(in: [.account("acc-1"), .user("u-1")], after: nil, limit: 10)
        #expect(all.map(\.record.id) == ["acc-1", "c-1", "c-2", "lead-1"])
        #expect(all.first?.root == .account("acc-1") && all.last?.root == .user("u-1"))
        let page = try await store.scopedRecords(in: [.account("acc-1")], after: "acc-1", limit: 1)
        #expect(page.map(\.record.id) == ["c-1"])
        #expect(try await store.scopedRecords(in: [.account("acc-9")], after: nil, limit: 10).isEmpty)
        // Re-indexing replaces keys.
        let moved = ScopeFacts(root: .account("acc-1"), keys: [ScopeKey.accountTerritory("t-2")])
        _ = try await commit(F.change("account", record: "acc-1", counter: 6, [F.set("territory", "t-2")]), scope: moved, to: store)
        #expect(try await store.records(withScopeKeys: [ScopeKey.accountTerritory("t-1")]).isEmpty)
        #expect(try await store.records(withScopeKeys: [ScopeKey.accountTerritory("t-2")]) == ["acc-1"])
    }

    public static func rootChangesCascade(_ store: any ServerStore) async throws {
        _ = try await commit(name("A", counter: 1, "c-1"), scope: ScopeFacts(root: .account("acc-1")), to: store)
        let member = ScopeFacts(root: .user("u-1"), parent: "c-1")
        _ = try await commit(name("M", counter: 2, "cm-1", "campaign_member"), scope: member, to: store)
        let orphan = ScopeFacts(root: .user("u-2"), parent: "c-9")
        _ = try await commit(name("O", counter: 3, "cm-2", "campaign_member"), scope: orphan, to: store)
        #expect(try await store.scopeRoots(of: ["cm-1", "cm-2"]) == ["cm-1": .account("acc-1"), "cm-2": .user("u-2")])
        let before = try await store.logHead()
        #expect(try await store.rootChanges(after: .start, through: before).isEmpty)
        // The contact moves: its member follows at the same position.
        let move = try await commit(name("A2", counter: 4, "c-1"), scope: ScopeFacts(root: .account("acc-2")), to: store)
        // The orphan's parent appears: it follows too.
        let appear = try await commit(name("P", counter: 5, "c-9"), scope: ScopeFacts(root: .account("acc-3")), to: store)
        let changes = try await store.rootChanges(after: before, through: appear)
        #expect(changes == [
            RootChange(position: move, record: RecordRef(entity: "contact", id: "c-1"), from: .account("acc-1"), to: .account("acc-2")),
            RootChange(position: move, record: RecordRef(entity: "campaign_member", id: "cm-1"), from: .account("acc-1"), to: .account("acc-2")),
            RootChange(position: appear, record: RecordRef(entity: "campaign_member", id: "cm-2"), from: .user("u-2"), to: .account("acc-3")),
        ])
        #expect(try await store.rootChanges(after: move, through: appear).count == 1)
        #expect(try await store.rootChanges(after: before, through: move).count == 2)
        #expect(try await store.scopeRoots(of: ["cm-1", "cm-2"]) == ["cm-1": .account("acc-2"), "cm-2": .account("acc-3")])
        // Re-committing without a root change logs nothing.
        let same = try await commit(name("A3", counter: 6, "c-1"), scope: ScopeFacts(root: .account("acc-2")), to: store)
        #expect(try await store.rootChanges(after: appear, through: same).isEmpty)
    }

    public static func rootChangesGoWithTheLog(_ store: any ServerStore) async throws {
        _ = try await commit(name("A", counter: 1, "c-1"), scope: ScopeFacts(root: .account("acc-1")), to: store)
        let move = try await commit(name("B", counter: 2, "c-1"), scope: ScopeFacts(root: .account("acc-2")), to: store)
        let deleted = F.change("contact", record: "c-1", counter: 3, [Operation(slot: .deleted, value: true)])
        let last = try await commit(deleted, scope: ScopeFacts(root: .account("acc-2")), to: store)
        #expect(try await store.rootChanges(after: .start, through: last).count == 1)
        try await store.truncateLog(through: move)
        #expect(try await store.rootChanges(after: move, through: last).isEmpty)
        await #expect(throws: ServerStoreError.self) { try await store.rootChanges(after: .start, through: last) }
        let revision = try #require(try await store.record("c-1").record).revision
        try await store.purgeRecord("c-1", revision: revision)
        #expect(try await store.scopeEntry(of: "c-1") == nil)
        #expect(try await store.scopedRecords(in: [.account("acc-2")], after: nil, limit: 10).isEmpty)
    }

    public static func scopeEpochsAreKept(_ store: any ServerStore) async throws {
        #expect(try await store.latestScopeEpoch(of: F.anna) == nil)
        let first = try await store.saveScopeEpoch([.account("acc-1"), .user("u-1")], for: F.anna, keeping: 2)
        let second = try await store.saveScopeEpoch([], for: F.anna, keeping: 2)
        let other = try await store.saveScopeEpoch([.account("acc-9")], for: F.ben, keeping: 2)
        #expect(first < second)
        #expect(try await store.scopeEpoch(first, of: F.anna) == [.account("acc-1"), .user("u-1")])
        #expect(try await store.scopeEpoch(second, of: F.anna) == [])
        #expect(try await store.scopeEpoch(other, of: F.ben) == [.account("acc-9")])
        #expect(try await store.scopeEpoch(other, of: F.anna) != [.account("acc-9")])
        let third = try await store.saveScopeEpoch([.account("acc-3")], for: F.anna, keeping: 2)
        #expect(try await store.scopeEpoch(first, of: F.anna) == nil)
        #expect(try await store.scopeEpoch(second, of: F.anna) == [])
        #expect(try await store.latestScopeEpoch(of: F.anna) == ScopeEpoch(number: third, roots: [.account("acc-3")]))
        #expect(try await store.latestScopeEpoch(of: F.ben)?.number == other)
    }
}
