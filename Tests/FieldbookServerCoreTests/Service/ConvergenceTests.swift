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
        var random = SplitMix64(seed: seed)
        var clients = [F.anna, F.ben, F.office].map { TestClient($0, clock: harness.clock) }
        let records = (0..<4).map { "acc-\($0)" }
        // Every client downloads before editing: TestClient joins snapshots (see there).
        for index in clients.indices { try await clients[index].sync(with: harness.service) }
        for _ in 0..<120 {
            harness.clock.advance(by: UInt64.random(in: 0...50, using: &random))
            let index = Int.random(in: 0..<clients.count, using: &random)
            let record = records.randomElement(using: &random)!
            let words = ["alpha", "beta", "gamma"]
            switch Int.random(in: 0..<10, using: &random) {
            case 0..<2:
                try await clients[index].sync(with: harness.service, limit: Int.random(in: 1...4, using: &random))
            case 2 where clients[index].record(record)?.exists != true:
                clients[index].edit("account", record) { $0.set("name", to: .text(words.randomElement(using: &random)!)) }
            case 2, 3, 4:
                clients[index].edit("account", record) { $0.set("name", to: .text(words.randomElement(using: &random)!)) }
            case 5, 6:
                let word = words.randomElement(using: &random)!
                let add = Bool.random(using: &random)
                clients[index].edit("account", record) {
                    $0.set("name", to: "named")
                    if add { $0.add(word, to: "interests") } else { $0.remove(word, from: "interests") }
                }
            case 7:
                guard clients[index].record(record)?.exists == true else { continue }
                clients[index].edit("account", record) { $0.delete() }
            case 8:
                guard clients[index].record(record)?.isDeleted == true else { continue }
                clients[index].edit("account", record) { $0.restore() }
            default:
                try await clients[index].push(to: harness.service)
            }
        }
        for _ in 0..<2 {
            for index in clients.indices { try await clients[index].sync(with: harness.service) }
        }
        // Registers may differ only in superseded dots the frontier covers
        // (each side applied a change with the frontier it knew then).
        let stable = try await harness.store.frontierState().stable
        for client in clients {
            #expect(client.rejected.isEmpty, "every edit was valid")
            #expect(client.outbox.isEmpty)
            #expect(client.conflicts == clients[0].conflicts)
            #expect(Set(client.replica.records.keys) == Set(clients[0].replica.records.keys))
            for (id, state) in client.replica.records {
                let server = try await harness.state(id)
                #expect(server.map { settled($0, stable) } == settled(state, stable), "\(client.id) holds the server's \(id)")
            }
        }
    }
}

/// `state` with the superseded dots `stable` covers dropped.
func settled(_ state: RecordState, _ stable: VersionVector) -> RecordState {
    var state = state
    state.compact(stable: stable)
    return state
}

/// A small seedable generator (SplitMix64), so random tests replay exactly.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
