import FieldbookClient
import FieldbookProtocol
import FieldbookSync
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// One change from client A through the server to client B, on a store of
/// `records` records.
///
/// The store holds `records` records; `scopeGroups` account groups (five
/// records each) lie in territory Nord, the rest in Süd. A and B are reps of
/// Nord: each is a file-backed ``ClientDatabase`` with an in-process
/// ``SyncEngine`` over HTTP (URLSession), fully synced before the loop (their
/// scope is Nord's records, not the million — the store size still weighs on
/// every push and pull: log, decisions, scope index). Per round A edits one
/// account's phone and syncs (push), then B syncs (pull) until it has the new
/// value; the latency runs from A's edit to B having it.
///
/// Baselines in the same run: `GET /healthz` round trips on the same server
/// (URLSession) and a raw SQLite durable write plus read of the record's blob.
struct AToBBenchmark {
    let options: AToBOptions

    func run() async throws -> AToBReport {
        let environment = try ServerBenchEnvironment()
        var report = AToBReport(options: options)
        do {
            let nord = try await environment.addTerritory("Nord")
            let sued = try await environment.addTerritory("Sued")
            try await environment.addUser("rep-a", role: "rep", territories: [nord])
            try await environment.addUser("rep-b", role: "rep", territories: [nord])
            let groups = options.scopeGroups
            let seeded = try await environment.seed(count: options.records, pipelined: 1000) { $0 < groups ? nord : sued }
            report.pipelineSeedSeconds = seeded.pipelineSeconds
            report.directSeedSeconds = seeded.directSeconds
            try await environment.start()
            let work = environment.directory.appendingPathComponent("bench")
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)

            let a = try await client("rep-a", path: work.appendingPathComponent("a.sqlite").path, server: environment.baseURL)
            let b = try await client("rep-b", path: work.appendingPathComponent("b.sqlite").path, server: environment.baseURL)
            var start = DispatchTime.now().uptimeNanoseconds
            report.initialA = try await a.sync().snapshots
            report.initialSeconds = seconds(since: start)
            start = DispatchTime.now().uptimeNanoseconds
            report.initialB = try await b.sync().snapshots
            report.initialSeconds += seconds(since: start)

            var latencies: [Double] = []
            var pushes: [Double] = []
            var pulls: [Double] = []
            var extraPulls = 0
            for round in 0..<(options.rounds + options.warmup) {
                let account = SeedRecords.accountID(round % groups)
                let phone = "+49 711 \(9_000_000 + round)"
                let started = DispatchTime.now().uptimeNanoseconds
                try a.database.edit("account", account) { $0.set("phone", to: .text(phone)) }
                let pushStart = DispatchTime.now().uptimeNanoseconds
                let pushed = try await a.sync()
                guard pushed.accepted == 1 else { throw BenchError("round \(round): A's change was not accepted (\(pushed))") }
                let pullStart = DispatchTime.now().uptimeNanoseconds
                var attempts = 0
                while true {
                    attempts += 1
                    _ = try await b.sync()
                    if try b.database.record(account)?.value("phone")?.text == phone { break }
                    guard attempts < 1000 else { throw BenchError("round \(round): B never received \(account)") }
                }
                let done = DispatchTime.now().uptimeNanoseconds
                if round >= options.warmup {
                    latencies.append(Double(done - started) / 1e9)
                    pushes.append(Double(pullStart - pushStart) / 1e9)
                    pulls.append(Double(done - pullStart) / 1e9)
                    extraPulls += attempts - 1
                }
            }
            report.latencies = latencies.sorted()
            report.pushes = pushes.sorted()
            report.pulls = pulls.sorted()
            report.extraPulls = extraPulls
            report.healthz = try await healthz(environment.baseURL, count: options.rounds).sorted()
            report.rawWriteRead = try rawWriteRead(in: work.path, count: options.rounds + options.warmup)
        } catch {
            await environment.shutDown()
            throw error
        }
        await environment.shutDown()
        return report
    }

    /// A signed-in client: a fresh file-backed database and its engine.
    private func client(_ login: String, path: String, server: URL) async throws -> SyncEngine {
        let database = try ClientDatabase.open(at: path)
        let session = try await URLSessionSyncTransport.login(
            server: server,
            request: LoginRequest(login: login, password: ServerBenchEnvironment.password, deviceName: "bench \(login)", replica: database.replicaID)
        )
        return SyncEngine(database: database, transport: URLSessionSyncTransport(baseURL: server, token: session.token))
    }

    /// `GET /healthz` round trips (after `warmup` discarded ones), seconds, unsorted.
    private func healthz(_ server: URL, count: Int) async throws -> [Double] {
        let url = server.appendingPathComponent("healthz")
        var durations: [Double] = []
        for index in 0..<(count + options.warmup) {
            let start = DispatchTime.now().uptimeNanoseconds
            let (_, response) = try await URLSession.shared.data(from: url)
            guard (response as? HTTPURLResponse)?.statusCode == 200 else { throw BenchError("/healthz did not answer 200") }
            if index >= options.warmup { durations.append(seconds(since: start)) }
        }
        return durations
    }

    /// A durable raw SQLite write of an account's state blob, then a read of it; seconds, sorted.
    private func rawWriteRead(in directory: String, count: Int) throws -> [Double] {
        let raw = try RawBlobSQLite(path: directory + "/raw.sqlite")
        let dot = Dot(replica: ReplicaID(unchecked: "c-raw"), counter: 1)
        let payload = StorageCodec.encode(try SeedRecords.creation(0, dot: dot, time: HybridTimestamp(millis: 1_750_000_000_000)) { _ in "t" }.state)
        return try (0..<count).map { index in
            let start = DispatchTime.now().uptimeNanoseconds
            try raw.writeThenRead("acc-\(index % 100)", payload)
            return seconds(since: start)
        }.sorted()
    }
}
