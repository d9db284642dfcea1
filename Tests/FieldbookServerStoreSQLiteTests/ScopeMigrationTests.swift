import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookServerCoreTesting
@testable import FieldbookServerStoreSQLite
import FieldbookSync
import GRDB
import Testing

@Suite("SQLite scope index migration")
struct ScopeMigrationTests {
    typealias F = Fixtures

    /// A database written before `server-v2` gets its records indexed when the migration runs.
    @Test func migratingIndexesExistingRecords() async throws {
        let database = try TemporaryDatabase()
        defer { database.remove() }
        do {
            let store = try SQLiteServerStore(path: database.path)
            let account = F.change("account", record: "acc-1", counter: 1, [F.set("name", "A"), F.set("territory", "t-n")])
            let contact = F.change("contact", record: "c-1", counter: 2, [F.set("account", "acc-1"), F.set("lastName", "B")])
            let member = F.change("campaign_member", record: "cm-1", counter: 3, [F.set("contact", "c-1"), F.set("campaign", "cmp-1")])
            let product = F.change("product", record: "p-1", counter: 4, [F.set("name", "P")])
            for change in [account, contact, member, product] { _ = try await StoreConformance.commit(change, to: store) }
            try store.close()
        }
        // Turn the file back into a v1 database (the records stay, unindexed).
        do {
            let queue = try DatabaseQueue(path: database.path)
            try await queue.write { db in
                try db.execute(sql: "DROP TABLE scope_entry; DROP TABLE scope_key; DROP TABLE root_change; DROP TABLE scope_epoch")
                try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'server-v2'")
            }
            try queue.close()
        }
        let store = try SQLiteServerStore(path: database.path)
        defer { try? store.close() }
        #expect(try await store.scopeRoots(of: ["acc-1", "c-1", "cm-1", "p-1"]) == [
            "acc-1": .account("acc-1"), "c-1": .account("acc-1"), "cm-1": .account("acc-1"), "p-1": .shared,
        ])
        #expect(try await store.records(withScopeKeys: [ScopeKey.accountTerritory("t-n")]) == ["acc-1"])
        #expect(try await store.scopeEntry(of: "cm-1")?.facts.parent == "c-1")
    }
}
