import FieldbookServerCore
import FieldbookSync

/// A seeded random workload for any ``ServerStore``: three clients edit four
/// accounts (names, interests, deletes, restores) and push, pull and sync in
/// random order with random page sizes, then sync twice more. Every store
/// must make them converge with the server.
public enum RandomSessions {
    /// Runs the workload and returns the clients after the final syncs.
    public static func run(on harness: Harness, seed: UInt64, steps: Int = 120) async throws -> [TestClient] {
        var random = SplitMix64(seed: seed)
        var clients = [Fixtures.anna, Fixtures.ben, Fixtures.office].map { TestClient($0, clock: harness.clock) }
        let records = (0..<4).map { "acc-\($0)" }
        let words = ["alpha", "beta", "gamma"]
        // Every client downloads before editing: TestClient joins snapshots (see there).
        for index in clients.indices { try await clients[index].sync(with: harness.service) }
        for _ in 0..<steps {
            harness.clock.advance(by: UInt64.random(in: 0...50, using: &random))
            let index = Int.random(in: 0..<clients.count, using: &random)
            let record = records.randomElement(using: &random)!
            switch Int.random(in: 0..<10, using: &random) {
            case 0..<2:
                try await clients[index].sync(with: harness.service, limit: Int.random(in: 1...4, using: &random))
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
                _ = try await clients[index].push(to: harness.service)
            }
        }
        for _ in 0..<2 {
            for index in clients.indices { try await clients[index].sync(with: harness.service) }
        }
        return clients
    }

    /// What keeps `clients` from agreeing with each other and the server
    /// (empty when they converged). Registers may differ only in superseded
    /// dots the frontier covers: each side applied a change with the frontier
    /// it knew then.
    public static func divergences(of clients: [TestClient], on harness: Harness) async throws -> [String] {
        let stable = try await harness.store.frontierState().stable
        var problems: [String] = []
        for client in clients {
            if !client.rejected.isEmpty { problems.append("\(client.id): \(client.rejected.count) rejected changes") }
            if !client.outbox.isEmpty { problems.append("\(client.id): outbox not empty") }
            if client.conflicts != clients[0].conflicts { problems.append("\(client.id): conflicts differ") }
            if Set(client.replica.records.keys) != Set(clients[0].replica.records.keys) {
                problems.append("\(client.id): holds other records")
            }
            for (id, state) in client.replica.records {
                let server = try await harness.state(id)
                if server.map({ settled($0, stable) }) != settled(state, stable) {
                    problems.append("\(client.id): \(id) differs from the server's")
                }
            }
        }
        return problems
    }

    /// `state` with the superseded dots `stable` covers dropped.
    public static func settled(_ state: RecordState, _ stable: VersionVector) -> RecordState {
        var state = state
        state.compact(stable: stable)
        return state
    }
}

/// A small seedable generator (SplitMix64), so random tests replay exactly.
public struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    /// A generator starting from `seed`.
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
