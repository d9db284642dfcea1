import FieldbookModel
import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Many devices push and pull concurrently against a real server process:
/// no request fails, every pushed change is accepted, and the server's
/// resident memory stays flat once warmed up.
///
/// Short by default (CI: 20 clients, 15 s); `FIELDBOOK_SOAK_CLIENTS=200
/// FIELDBOOK_SOAK_SECONDS=600` for the long run. Devices pause between
/// rounds like real ones (``pause``); `FIELDBOOK_SOAK_PAUSE_MS=0` turns the
/// soak into a saturation run, in which requests queue past URLSession's
/// 60 s timeout once the server falls behind.
///
/// Known (22 Nov 2026, debug build, 2 cores loaded by other builds): the long
/// configuration does not pass yet. 200 devices starting at once each
/// download the whole growing scope while the store commits one fsync'd
/// transaction per change; requests then wait past 60 s and the server's
/// VmRSS grows with the backlog (≈ 470 MiB after 2 minutes) — there is no
/// admission control that would answer 503 instead of queueing.
@Suite("end to end: soak", .serialized, .tags(.harness))
struct SoakTests {
    static var clients: Int { ProcessInfo.processInfo.environment["FIELDBOOK_SOAK_CLIENTS"].flatMap(Int.init) ?? 20 }
    static var seconds: Double { ProcessInfo.processInfo.environment["FIELDBOOK_SOAK_SECONDS"].flatMap(Double.init) ?? 15 }
    /// Mean pause of a device between sync rounds (`FIELDBOOK_SOAK_PAUSE_MS`;
    /// default 50 ms per client, so the offered load stays about 20 rounds/s
    /// however many devices there are: a soak, not a saturation test).
    static var pause: Duration {
        let millis = ProcessInfo.processInfo.environment["FIELDBOOK_SOAK_PAUSE_MS"].flatMap(Int.init) ?? 50 * clients
        return .milliseconds(millis)
    }

    @Test(.timeLimit(.minutes(30)))
    func concurrentClientsRunWithoutErrorsAndFlatMemory() async throws {
        let seed = SeededGenerator.seed(from: "FIELDBOOK_SOAK_SEED")
        print("soak: \(Self.clients) clients, \(Self.seconds) s, pause \(Self.pause), FIELDBOOK_SOAK_SEED=\(seed)")
        let organization = try await SalesOrganization.start()
        defer { organization.server.killNow() }
        let server = organization.server
        let pid = try #require(server.processIdentifier)
        let logins = ["eva", "anna", "ben", "carl"]
        let territories = ["anna": organization.territories["North"], "ben": organization.territories["North"],
                           "carl": organization.territories["South"]]
        let start = Date()
        let deadline = start.addingTimeInterval(Self.seconds)

        let sampler = Task { () -> [(Double, Int)] in
            var samples: [(Double, Int)] = []
            while !Task.isCancelled {
                if let bytes = ProcessMemory.residentBytes(pid) { samples.append((Date().timeIntervalSince(start), bytes)) }
                try? await Task.sleep(for: .milliseconds(250))
            }
            return samples
        }
        let outcomes = try await withThrowingTaskGroup(of: SoakOutcome.self) { group in
            for index in 0..<Self.clients {
                let login = logins[index % logins.count]
                let territory = territories[login] ?? nil
                group.addTask {
                    let replica = "soak-\(index)-\(UUID().uuidString.prefix(8).lowercased())"
                    // Each device has its own session (its own connection), as real devices do.
                    var http = try await organization.http(login, replica: replica)
                    http.session = URLSession(configuration: .ephemeral)
                    defer { http.session.finishTasksAndInvalidate() }
                    let session = RawSyncSession(http: http, replica: replica, schemaVersion: SchemaRegistry.currentVersion)
                    var client = SoakClient(session: session, territory: territory, seed: seed &+ UInt64(index))
                    let pause = Self.pause
                    while Date() < deadline {
                        await client.round()
                        try await Task.sleep(for: pause * Double.random(in: 0.5...1.5))
                    }
                    return SoakOutcome(rounds: client.rounds, accepted: client.accepted, pulled: client.pulled, failures: client.failures)
                }
            }
            var outcomes: [SoakOutcome] = []
            for try await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
        sampler.cancel()
        let samples = await sampler.value

        let failures = outcomes.flatMap(\.failures)
        let rounds = outcomes.reduce(0) { $0 + $1.rounds }
        let accepted = outcomes.reduce(0) { $0 + $1.accepted }
        let pulled = outcomes.reduce(0) { $0 + $1.pulled }
        let mib = { (bytes: Int) in bytes / 1_048_576 }
        print("soak: \(rounds) rounds, \(accepted) changes accepted, \(pulled) items pulled, \(failures.count) failures")
        print("soak: server VmRSS MiB over time: " + samples.enumerated().filter { $0.offset % 4 == 0 }
            .map { "\(Int($0.element.0))s:\(mib($0.element.1))" }.joined(separator: " "))
        #expect(failures.isEmpty, "\(failures.prefix(5))")
        #expect(rounds >= Self.clients, "every client completed at least one round")
        #expect(accepted > 0)

        // Flat after warm-up: the last third of the samples stays within the
        // first third's peak plus a generous margin (by sample, not by clock:
        // on a loaded machine the sampler may run late).
        let resident = samples.map(\.1) + [ProcessMemory.residentBytes(pid) ?? 0]
        let third = max(1, resident.count / 3)
        let warmPeak = resident.prefix(third).max() ?? 0
        let latePeak = resident.suffix(third).max() ?? 0
        let allowed = warmPeak + max(64 * 1_048_576, warmPeak / 2)
        #expect(latePeak <= allowed, "VmRSS \(mib(latePeak)) MiB late vs \(mib(warmPeak)) MiB after warm-up")
        #expect(try await HTTPCall(baseURL: server.baseURL).send("GET", "/healthz").status == 200)
        #expect(await server.terminate() == 0)
    }

    /// What one simulated client did.
    struct SoakOutcome: Sendable {
        var rounds: Int
        var accepted: Int
        var pulled: Int
        var failures: [String]
    }
}
