import FieldbookServerCore
import FieldbookServerCoreTesting
import Testing

@Suite("In-memory store conformance")
struct InMemoryStoreConformanceTests {
    @Test(arguments: StoreConformance.checks)
    func inMemoryStore(_ check: StoreCheck) async throws {
        try await check.run(InMemoryServerStore())
    }
}

@Suite("Scopes over the in-memory store")
struct InMemoryScopeTests {
    @Test(arguments: ScopeScenarios.checks)
    func inMemoryStore(_ check: StoreCheck) async throws {
        try await check.run(InMemoryServerStore())
    }

    @Test(arguments: 1...12 as ClosedRange<UInt64>)
    func randomReassignmentsWithMoreSeeds(_ seed: UInt64) async throws {
        try await ScopeScenarios.randomReassignments(InMemoryServerStore(), seed: seed, steps: 200)
    }
}
