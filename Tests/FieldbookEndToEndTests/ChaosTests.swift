import Foundation
import Testing

/// Three notebooks (two office devices and a rep) add, edit, delete and sync
/// through the real CLI against a real server while their processes and the
/// server are killed with SIGKILL at random moments (seeded; the seed is
/// printed) and restarted on the same data. Afterwards every replica shows
/// exactly the server's records, no acknowledged write is lost, nothing is
/// duplicated and every SQLite file passes `PRAGMA integrity_check`.
///
/// Short by default (CI); `FIELDBOOK_CHAOS_SECONDS=600` for a long run,
/// `FIELDBOOK_CHAOS_SEED=<seed>` to replay a run's random choices (process
/// timing still varies).
@Suite("end to end: chaos", .serialized, .tags(.harness))
struct ChaosTests {
    /// Seconds of random operations (default 10).
    static var seconds: Double {
        ProcessInfo.processInfo.environment["FIELDBOOK_CHAOS_SECONDS"].flatMap(Double.init) ?? 10
    }

    @Test(.timeLimit(.minutes(30)))
    func replicasConvergeAfterRandomKillsOfClientsAndServer() async throws {
        let seed = SeededGenerator.seed(from: "FIELDBOOK_CHAOS_SEED")
        print("chaos: FIELDBOOK_CHAOS_SEED=\(seed), \(Self.seconds) s")
        let organization = try await SalesOrganization.start()
        let server = organization.server
        defer { server.killNow() }
        let north = try #require(organization.territories["North"])
        var replicas: [ChaosReplica] = []
        for (index, login) in ["eva", "eva", "anna"].enumerated() {
            let client = try await organization.client(login)
            let user = try #require(organization.users[login])
            replicas.append(
                ChaosReplica(client: client, label: "r\(index)", userID: user, territory: north, seed: seed &+ UInt64(index))
            )
        }

        // Random operations on every replica while the server is killed and restarted.
        let deadline = Date().addingTimeInterval(Self.seconds)
        let (ledgers, serverKills) = try await withThrowingTaskGroup(of: ChaosOutcome.self) { group in
            for replica in replicas {
                group.addTask {
                    var replica = replica
                    // On a loaded machine the window may pass with only syncs: go on (bounded)
                    // until this replica has at least one acknowledged creation to verify.
                    let latest = deadline.addingTimeInterval(120)
                    while Date() < deadline || (replica.ledger.created.isEmpty && Date() < latest) {
                        try await replica.step()
                    }
                    return .replica(replica.ledger)
                }
            }
            group.addTask { .serverKills(try await Self.killServerRepeatedly(server, until: deadline, seed: seed)) }
            var ledgers: [ChaosLedger] = []
            var kills = 0
            for try await outcome in group {
                switch outcome {
                case .replica(let ledger): ledgers.append(ledger)
                case .serverKills(let count): kills = count
                }
            }
            return (ledgers, kills)
        }
        let ledger = ChaosLedger.merged(ledgers)
        print("chaos: \(ledger.commands) commands (\(ledger.killed) killed, \(ledger.syncs) syncs), server killed \(serverKills)×")
        #expect(ledger.unexpectedFailures.isEmpty, "\(ledger.unexpectedFailures.prefix(3))")

        // Final syncs: everyone pushes everything, then everyone pulls everything.
        for _ in 0..<2 {
            for replica in replicas { try await replica.settle() }
        }
        let office = try await organization.http("eva")
        let serverListing = try await ChaosVerifier.serverListing(office)
        let counts = ChaosLedger.Kind.allCases.map { "\(serverListing[$0]?.count ?? 0) \($0.rawValue)s" }
        print("chaos: server holds \(counts.joined(separator: ", ")); \(ledger.created.count) acknowledged creations, \(ledger.deleted.count) deletions")
        #expect(!ledger.created.isEmpty, "the run acknowledged no writes at all")
        let lost = ChaosVerifier.lostOrDuplicated(serverListing, ledger: ledger)
        #expect(lost.isEmpty, "seed \(seed): \(lost.prefix(10))")
        for replica in replicas {
            let status = try await replica.client.object("status")
            #expect((status["rejected"] as? [Any])?.isEmpty == true, "\(replica.label): \(status)")
            let listing = try await ChaosVerifier.replicaListing(replica.client)
            let differences = ChaosVerifier.differences(listing, serverListing, label: replica.label)
            #expect(differences.isEmpty, "seed \(seed): \(differences.prefix(10))")
            let check = try await replica.client.run(["debug", "check"])
            #expect(check.exitCode == 0, "\(check)")
        }

        // Every SQLite file is sound.
        #expect(await server.terminate() == 0)
        let files = replicas.map { $0.client.home.appendingPathComponent("replica.sqlite").path }
            + SQLiteIntegrity.serverFiles(server)
        for file in files {
            #expect(try await SQLiteIntegrity.check(file) == "ok", "\(file)")
        }
    }

    /// What a task of the chaos phase reports.
    enum ChaosOutcome: Sendable {
        case replica(ChaosLedger)
        case serverKills(Int)
    }

    /// Kills the server with SIGKILL every 1.5–4 s until `deadline` and starts
    /// it again on the same port and data after a short pause; returns the kills.
    static func killServerRepeatedly(_ server: ServerProcess, until deadline: Date, seed: UInt64) async throws -> Int {
        var random = SeededGenerator(seed: seed ^ 0x5EED)
        var kills = 0
        while true {
            let wait = Double.random(in: 1.5...4, using: &random)
            guard Date().addingTimeInterval(wait) < deadline else { return kills }
            try await Task.sleep(for: .seconds(wait))
            let port = server.port
            await server.kill()
            kills += 1
            try await Task.sleep(for: .milliseconds(Int.random(in: 50...500, using: &random)))
            try await server.start(port: port)
        }
    }
}
