import FieldbookClient
import FieldbookModel
import FieldbookProtocol
import FieldbookServer
import FieldbookServerCore
import FieldbookSync
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Initial sync of a large scope: a rep whose territory holds `records`
/// records (accounts with contacts and calls) signs in on a fresh client —
/// the release `fieldbook` CLI in a child process — and downloads it all
/// from an in-process server over HTTP on 127.0.0.1. Reports records/s and
/// the child's peak RSS, the same download by an in-process ``SyncEngine``,
/// and the baseline: the same state payloads inserted with a raw prepared
/// statement in one transaction.
struct InitialSyncBenchmark {
    let options: InitialSyncOptions

    func run() async throws -> InitialSyncReport {
        let environment = try ServerBenchEnvironment()
        let work = environment.directory.appendingPathComponent("bench")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        var report = InitialSyncReport(options: options)
        do {
            let territory = try await environment.addTerritory("Nord")
            let rep = try await environment.addUser("rep-nord", role: "rep", territories: [territory])
            let seeded = try await environment.seed(count: options.records, pipelined: options.pipelined) { _ in territory }
            report.pipelineSeedSeconds = seeded.pipelineSeconds
            report.directSeedSeconds = seeded.directSeconds
            report.pipelined = min(options.pipelined, options.records)
            try await environment.start()

            report.rawSeconds = try baseline(in: work.path)

            let fieldbook = Self.siblingExecutable("fieldbook")
            let home = work.appendingPathComponent("cli-home").path
            let login = try ChildProcess.run(
                fieldbook, ["login", "--server", environment.baseURL.absoluteString, "--user", "rep-nord", "--password-stdin"],
                environment: ["FIELDBOOK_HOME": home], input: ServerBenchEnvironment.password + "\n"
            )
            guard login.status == 0 else { throw BenchError("fieldbook login exited with \(login.status)") }
            var arguments = ["sync", "--json"]
            if let pageSize = options.pageSize { arguments += ["--page-size", "\(pageSize)"] }
            let sync = try ChildProcess.run(fieldbook, arguments, environment: ["FIELDBOOK_HOME": home])
            guard sync.status == 0 else { throw BenchError("fieldbook sync exited with \(sync.status): \(sync.standardOutput)") }
            report.cliSeconds = sync.seconds
            report.cliPeakRSSBytes = sync.peakRSSBytes
            report.cliSummary = sync.standardOutput.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            report.cliReceived = Self.received(inSummary: sync.standardOutput)

            (report.serviceSeconds, report.serviceEncodeSeconds) = try await serviceOnly(environment, rep: rep)

            if options.inProcess {
                let database = try ClientDatabase.open(at: work.appendingPathComponent("engine.sqlite").path)
                let session = try await URLSessionSyncTransport.login(
                    server: environment.baseURL,
                    request: LoginRequest(
                        login: "rep-nord", password: ServerBenchEnvironment.password, deviceName: "bench engine",
                        replica: database.replicaID
                    )
                )
                let engine = SyncEngine(
                    database: database, transport: URLSessionSyncTransport(baseURL: environment.baseURL, token: session.token),
                    configuration: .init(pullLimit: options.pageSize ?? PullRequest.defaultLimit)
                )
                let start = DispatchTime.now().uptimeNanoseconds
                let summary = try await engine.sync()
                report.engineSeconds = seconds(since: start)
                report.engineReceived = summary.pulled + summary.snapshots
                report.engineStored = try database.records("account").count + database.records("contact").count
                    + database.records("activity").count
            }
        } catch {
            await environment.shutDown()
            throw error
        }
        await environment.shutDown()
        return report
    }

    /// The server side alone: `SyncService.pull` pages for a fresh replica of
    /// the rep, in process, no HTTP and no client; then the same pages
    /// encoded as JSON for the wire. Seconds of each.
    private func serviceOnly(_ environment: ServerBenchEnvironment, rep: String) async throws -> (Double, Double) {
        let replica = ReplicaID(unchecked: "c-" + UUID().uuidString.lowercased())
        let caller = SyncCaller(user: rep, role: .rep)
        var cursor: PullCursor?
        var pages: [PullResponse] = []
        let start = DispatchTime.now().uptimeNanoseconds
        repeat {
            let page = try await environment.services.sync.pull(
                PullRequest(
                    schemaVersion: SchemaRegistry.currentVersion, replica: replica, cursor: cursor,
                    limit: options.pageSize ?? PullRequest.defaultLimit
                ),
                caller: caller
            )
            cursor = page.cursor
            pages.append(page)
            if !page.hasMore { break }
        } while true
        let pullSeconds = seconds(since: start)
        let codec = WireCodec()
        let encodeStart = DispatchTime.now().uptimeNanoseconds
        for page in pages { _ = try codec.encode(page) }
        return (pullSeconds, seconds(since: encodeStart))
    }

    /// The baseline: every seeded record's state blob, inserted in one transaction; seconds.
    private func baseline(in directory: String) throws -> Double {
        let rows = try (0..<options.records).map { index in
            let dot = Dot(replica: ReplicaID(unchecked: "c-raw"), counter: UInt64(index + 1))
            let state = try SeedRecords.creation(index, dot: dot, time: HybridTimestamp(millis: 1_750_000_000_000)) { _ in
                "0f8e7a52-territory-nord"
            }.state
            return (id: state.id, entity: state.entity, payload: StorageCodec.encode(state))
        }
        let raw = try RawBlobSQLite(path: directory + "/raw.sqlite")
        let start = DispatchTime.now().uptimeNanoseconds
        try raw.insertInTransaction(rows)
        return seconds(since: start)
    }

    /// Records the `--json` summary says arrived (changes plus records in full).
    static func received(inSummary text: String) -> Int {
        guard let start = text.firstIndex(of: "{"),
            let object = try? JSONSerialization.jsonObject(with: Data(text[start...].utf8)) as? [String: Any]
        else { return -1 }
        return ((object["pulled"] as? Int) ?? 0) + ((object["snapshots"] as? Int) ?? 0)
    }

    /// A program built next to this one (`.build-release/release/fieldbook`).
    static func siblingExecutable(_ name: String) -> String {
        let own = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let candidate = Bundle.main.executableURL?.deletingLastPathComponent().appendingPathComponent(name).path
            ?? own.deletingLastPathComponent().appendingPathComponent(name).path
        return candidate
    }
}
