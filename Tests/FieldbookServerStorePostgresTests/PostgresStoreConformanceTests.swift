import FieldbookServerCore
import FieldbookServerCoreTesting
import FieldbookServerStorePostgres
import FieldbookServerStorePostgresTesting
import Testing

/// Runs `check` on a fresh ``PostgresServerStore`` in a private schema.
func onFreshStore(_ check: StoreCheck) async throws {
    try await PostgresTestDatabase.withSchema(prefix: "conf") { schema in
        let database = try await schema.connect()
        do {
            let store = try await PostgresServerStore(database: database)
            try await check.run(store)
        } catch {
            await database.close()
            throw error
        }
        await database.close()
    }
}

@Suite("PostgreSQL store conformance", .enabled(if: PostgresTestDatabase.isEnabled, PostgresTestDatabase.skipNote))
struct PostgresStoreConformanceTests {
    @Test(arguments: StoreConformance.checks)
    func postgresStore(_ check: StoreCheck) async throws {
        try await onFreshStore(check)
    }
}

@Suite("Scopes over the PostgreSQL store", .enabled(if: PostgresTestDatabase.isEnabled, PostgresTestDatabase.skipNote))
struct PostgresScopeTests {
    @Test(arguments: ScopeScenarios.checks)
    func postgresStore(_ check: StoreCheck) async throws {
        try await onFreshStore(check)
    }
}
