import FieldbookModel
import FieldbookProtocol
import FieldbookServer
import FieldbookServerCore
import FieldbookSync
import Foundation
import Logging

/// A real `fieldbook-server` in this process for the server benchmarks:
/// the production services (SQLite sync store and identity directory) in a
/// temporary directory, HTTP/1.1 on 127.0.0.1 on a free port, bcrypt at cost 4.
final class ServerBenchEnvironment {
    /// The password of every benchmark user.
    static let password = "bench-password-1"

    let directory: URL
    let services: ServerServices
    private(set) var server: RunningFieldbookServer?
    /// The office user that seeds (record ID).
    private(set) var seedUser = ""
    /// The seeding replica and its last counter.
    let seedReplica = ReplicaID(unchecked: "c-seed-" + UUID().uuidString.lowercased())
    private var seedCounter: UInt64 = 0

    /// Opens the services in a fresh temporary directory.
    init() throws {
        setenv("FIELDBOOK_BCRYPT_COST", "4", 1)
        directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("fieldbook-bench-" + UUID().uuidString)
        var logger = Logger(label: "fieldbook.bench")
        logger.logLevel = .error
        services = try ServerServices.open(dataDirectory: directory, logger: logger)
    }

    /// The server's base URL (after ``start()``).
    var baseURL: URL { server!.baseURL }

    /// Starts HTTP on 127.0.0.1, any free port.
    func start() async throws {
        var configuration = FieldbookServerConfiguration(host: "127.0.0.1", port: 0, dataDirectory: directory)
        configuration.logLevel = .error
        server = try await FieldbookServerApp.start(configuration: configuration, services: services)
    }

    /// Stops the server, closes the stores and removes the directory.
    func shutDown() async {
        if let server { await server.stop() }
        try? services.close()
        try? services.identity.close()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Creates a user (bcrypt cost 4) and returns its record ID.
    @discardableResult
    func addUser(_ login: String, role: String, territories: [String] = []) async throws -> String {
        try await services.identity.addUser(
            NewUser(login: login, displayName: "Bench \(login)", role: role, territories: territories, password: Self.password)
        )
    }

    /// Creates a territory and returns its record ID.
    func addTerritory(_ name: String) async throws -> String {
        try await services.identity.addTerritory(name: name)
    }

    /// Puts records `0..<count` of ``SeedRecords`` in the store: the first
    /// `pipelined` through the real push pipeline (in process, as the office
    /// user `seeder`, batches of 1000: validation, authorization, one
    /// transaction per change), the rest with ``StoreSeeder``.
    /// - Returns: seconds of each part.
    func seed(
        count: Int, pipelined: Int, territory: @escaping @Sendable (Int) -> String
    ) async throws -> (pipelineSeconds: Double, directSeconds: Double) {
        if seedUser.isEmpty { seedUser = try await addUser("seeder", role: "office") }
        let caller = SyncCaller(user: seedUser, role: .office)
        let pipelineStart = Date()
        var index = 0
        // Before the directly seeded changes' times, which end a minute before now.
        let firstMillis = UInt64(Date().timeIntervalSince1970 * 1000) - 2 * UInt64(count) - 120_000
        while index < min(pipelined, count) {
            let end = min(min(pipelined, count), index + PushRequest.maxChanges)
            var changes: [Change] = []
            for recordIndex in index..<end {
                seedCounter += 1
                let dot = Dot(replica: seedReplica, counter: seedCounter)
                changes.append(try SeedRecords.creation(recordIndex, dot: dot, time: HybridTimestamp(millis: firstMillis + UInt64(recordIndex)), territory: territory).change)
            }
            let response = try await services.sync.push(
                PushRequest(schemaVersion: SchemaRegistry.currentVersion, replica: seedReplica, changes: changes), caller: caller
            )
            if let refused = response.results.first(where: { $0.status == .rejected }) {
                throw BenchError("the seed was rejected: \(refused.code.map { "\($0)" } ?? "?") \(refused.reason ?? "")")
            }
            index = end
        }
        let pipelineSeconds = Date().timeIntervalSince(pipelineStart)
        let directStart = Date()
        if count > index {
            let seeder = try StoreSeeder(path: ServerServices.storeURL(in: directory).path)
            seedCounter = try seeder.seed(
                index..<count, replica: seedReplica, counterBefore: seedCounter, creator: seedUser, territory: territory
            )
        }
        return (pipelineSeconds, Date().timeIntervalSince(directStart))
    }
}

/// Percentile of sorted values (nearest rank, rounding down).
func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    return sorted[min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.down)))]
}

/// Seconds since an uptime reading.
func seconds(since start: UInt64) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}
