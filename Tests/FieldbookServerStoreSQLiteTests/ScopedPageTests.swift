import FieldbookServerCore
import FieldbookServerCoreTesting
import FieldbookServerStoreSQLite
import FieldbookSync
import Testing

/// Snapshot pages of scopes with many roots (the key walk of `scopedRecords`)
/// and the log vector after many changes of several replicas.
@Suite("SQLite store: large scopes and log vectors")
struct ScopedPageTests {
    @Test("pages of a scope with more than 256 roots come in key order, complete and without strangers")
    func manyRoots() async throws {
        let database = try TemporaryDatabase()
        defer { database.remove() }
        let store = try SQLiteServerStore(path: database.path)
        defer { try? store.close() }
        var counter: UInt64 = 0
        var expected: [String] = []
        for index in 0..<400 {
            let account = "acc-\(index)"
            counter += 1
            let change = Fixtures.change("account", record: account, counter: counter, [Fixtures.set("name", .text("A"))])
            _ = try await StoreConformance.commit(change, scope: ScopeFacts(root: .account(account)), to: store)
            // Every third account is outside the scope asked for below.
            if index % 3 != 0 { expected.append(account) }
        }
        let roots = Set((0..<400).filter { $0 % 3 != 0 }.map { ScopeRoot.account("acc-\($0)") }).union([.account("acc-none")])
        #expect(roots.count > 256)
        var received: [String] = []
        var after: String?
        while true {
            let page = try await store.scopedRecords(in: roots, after: after, limit: 37)
            received += page.map(\.record.id)
            guard let last = page.last else { break }
            after = last.record.id
        }
        #expect(received == expected.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        // The same records as the root-index path gives for a few of the roots.
        let few: Set<ScopeRoot> = [.account("acc-1"), .account("acc-2"), .account("acc-3")]
        #expect(try await store.scopedRecords(in: few, after: nil, limit: 10).map(\.record.id) == ["acc-1", "acc-2", "acc-3"])
    }

    @Test("the log vector of a prefix holds each replica's last counter at or below it")
    func logVectorOfPrefix() async throws {
        let database = try TemporaryDatabase()
        defer { database.remove() }
        let store = try SQLiteServerStore(path: database.path)
        defer { try? store.close() }
        var positions: [LogPosition] = []
        for counter in UInt64(1)...30 {
            for replica in [Fixtures.anna, Fixtures.office] {
                let change = Fixtures.change(
                    "account", record: "acc-\(replica)-\(counter)", replica: replica, counter: counter,
                    [Fixtures.set("name", .text("A"))]
                )
                positions.append(try await StoreConformance.commit(change, to: store))
            }
        }
        // positions[20] is anna's 11th change; office has 10 logged by then.
        #expect(try await store.logVector(through: positions[20]) == VersionVector([Fixtures.anna: 11, Fixtures.office: 10]))
        #expect(try await store.logVector(through: positions[0]) == VersionVector([Fixtures.anna: 1]))
        #expect(try await store.logVector(through: positions[59]) == VersionVector([Fixtures.anna: 30, Fixtures.office: 30]))
        try await store.truncateLog(through: positions[9])
        #expect(try await store.logVector(through: positions[20]) == VersionVector([Fixtures.anna: 11, Fixtures.office: 10]))
    }
}
