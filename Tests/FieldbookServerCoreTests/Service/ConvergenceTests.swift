import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookSync
import Testing

/// Clients built on FieldbookSync's reference `Replica` syncing through the
/// service end up with the server's records and the same conflicts.
@Suite("Convergence through the service")
struct ConvergenceTests {
    typealias F = Fixtures

    @Test func concurrentEditsShowTheSameConflictOnBothSides() async throws {
        let harness = Harness()
        var anna = TestClient(F.anna, clock: harness.clock)
        var ben = TestClient(F.ben, clock: harness.clock)
        anna.edit("account", "acc-1") {
            $0.set("name", to: "Müller GmbH")
            $0.set("phone", to: "+49 711 555-0100")
        }
        try await anna.sync(with: harness.service)
        try await ben.sync(with: harness.service)
        #expect(ben.record("acc-1") == anna.record("acc-1"))

        harness.clock.advance(by: 1000)
        anna.edit("account", "acc-1") { $0.set("phone", to: "+49 711 555-0142") }
        harness.clock.advance(by: 1000)
        ben.edit("account", "acc-1") { $0.set("phone", to: "+49 711 555-0199") }
        #expect(try await anna.push(to: harness.service).map(\.status) == [.accepted])
        #expect(try await ben.push(to: harness.service).map(\.status) == [.accepted])
        try await anna.pull(from: harness.service)
        try await ben.pull(from: harness.service)

        let server = try #require(try await harness.state("acc-1"))
        #expect(anna.record("acc-1") == server)
        #expect(ben.record("acc-1") == server)
        let conflict = try #require(anna.conflicts.first)
        #expect(anna.conflicts.count == 1)
        #expect(anna.conflicts == ben.conflicts)
        #expect(conflict.id == "acc-1#phone")
        #expect(conflict.winner.value == "+49 711 555-0199", "the later write wins the tie-break")

        // Ben resolves; the resolution supersedes both sides everywhere.
        ben.edit("account", "acc-1") { $0.set("phone", to: "+49 711 555-0142") }
        try await ben.sync(with: harness.service)
        try await anna.sync(with: harness.service)
        #expect(anna.conflicts.isEmpty && ben.conflicts.isEmpty)
        #expect(anna.record("acc-1")?.value("phone") == "+49 711 555-0142")
        // The server applied the resolution knowing a frontier, so it did not
        // remember the superseded dots that frontier covers; otherwise equal.
        let stable = try await harness.store.frontierState().stable
        #expect(!stable.counters.isEmpty)
        let resolved = try #require(try await harness.state("acc-1"))
        #expect(settled(resolved, stable) == settled(try #require(anna.record("acc-1")), stable))
        #expect(settled(resolved, stable) == settled(try #require(ben.record("acc-1")), stable))
    }

    @Test func aDeleteConcurrentWithAnEditIsADeleteEditConflictEverywhere() async throws {
        let harness = Harness()
        var anna = TestClient(F.anna, clock: harness.clock)
        var ben = TestClient(F.ben, clock: harness.clock)
        anna.edit("account", "acc-1") { $0.set("name", to: "Kramer KG") }
        try await anna.sync(with: harness.service)
        try await ben.sync(with: harness.service)
        anna.edit("account", "acc-1") { $0.delete() }
        ben.edit("account", "acc-1") { $0.add("presses", to: "interests") }
        try await anna.sync(with: harness.service)
        try await ben.sync(with: harness.service)
        try await anna.sync(with: harness.service)
        #expect(anna.conflicts.map(\.kind) == [.deleteEdit])
        #expect(anna.conflicts == ben.conflicts)
        #expect(try await harness.state("acc-1")?.conflicts == anna.conflicts)
    }

    @Test(arguments: [UInt64(1), 2, 3, 42])
    func randomEditsAndSessionsConverge(seed: UInt64) async throws {
        let harness = Harness()
        let clients = try await RandomSessions.run(on: harness, seed: seed)
        #expect(try await RandomSessions.divergences(of: clients, on: harness) == [])
    }
}

/// `state` with the superseded dots `stable` covers dropped.
func settled(_ state: RecordState, _ stable: VersionVector) -> RecordState { RandomSessions.settled(state, stable) }
