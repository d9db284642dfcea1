import FieldbookClient
import FieldbookModel
import FieldbookProtocol
import FieldbookServer
import FieldbookServerCore
import FieldbookServerStorePostgres
import FieldbookSync
import Foundation
import Logging

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Push throughput of one server on SQLite, one on PostgreSQL and two on
/// one PostgreSQL database, in one run.
///
/// Each configuration starts its servers in process (own services, own
/// connection pools, own HTTP listeners on 127.0.0.1), signs in `clients`
/// office users on their own devices and lets each push batches of new
/// accounts over its own URLSession for `seconds`. With two instances the
/// clients alternate between them. PostgreSQL configurations run in a fresh
/// schema that is dropped afterwards.
struct ScaleOutBenchmark {
    let options: ScaleOutOptions

    /// One configuration's result.
    struct Result: Sendable {
        var name: String
        var phase = PushConcurrencyBenchmark.Phase()
    }

    func run() async throws -> ScaleOutReport {
        guard let text = options.database else {
            throw BenchError("push-scale-out needs a PostgreSQL database: --database URL or FIELDBOOK_DATABASE_URL")
        }
        let url = try PostgresDatabaseURL(text)
        setenv("FIELDBOOK_BCRYPT_COST", "4", 1)
        var report = ScaleOutReport(options: options)
        report.results.append(try await measure("SQLite, 1 instance", instances: 1, database: nil))
        let schema = "fbbench_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        report.results.append(try await measure("PostgreSQL, 1 instance", instances: 1, database: url.with(schema: schema + "_1")))
        report.results.append(try await measure("PostgreSQL, 2 instances", instances: 2, database: url.with(schema: schema + "_2")))
        return report
    }

    private func measure(_ name: String, instances: Int, database: PostgresDatabaseURL?) async throws -> Result {
        var logger = Logger(label: "fieldbook.bench")
        logger.logLevel = .error
        let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("fieldbook-bench-" + UUID().uuidString)
        var services: [ServerServices] = []
        var servers: [RunningFieldbookServer] = []
        func open() async throws -> ServerServices {
            if let database { return try await ServerServices.open(postgres: database, maximumConnections: 12, logger: logger) }
            return try ServerServices.open(dataDirectory: directory, logger: logger)
        }
        do {
            for _ in 0..<instances {
                let opened = try await open()
                services.append(opened)
                var configuration = FieldbookServerConfiguration(host: "127.0.0.1", port: 0, dataDirectory: directory)
                configuration.logLevel = .error
                servers.append(try await FieldbookServerApp.start(configuration: configuration, services: opened))
            }
            var devices: [PushConcurrencyBenchmark.Device] = []
            for index in 0..<options.clients {
                let login = "office-\(index)"
                let identity = services[0].identity
                let user = try await identity.addUser(
                    NewUser(login: login, displayName: "Bench \(login)", role: "office", password: ServerBenchEnvironment.password)
                )
                let replica = ReplicaID(unchecked: "c-" + UUID().uuidString.lowercased())
                let session = try await identity.login(
                    LoginRequest(login: login, password: ServerBenchEnvironment.password, deviceName: "bench \(index)", replica: replica)
                )
                devices.append(PushConcurrencyBenchmark.Device(index: index, user: user, replica: replica, token: session.token))
            }
            let phase: PushConcurrencyBenchmark.Phase
            do {
                phase = try await push(devices, to: servers.map(\.baseURL))
            } catch {
                throw BenchError("\(name): \(error)")
            }
            await close(servers, services, directory: directory, database: database)
            return Result(name: name, phase: phase)
        } catch {
            await close(servers, services, directory: directory, database: database)
            throw error
        }
    }

    /// Every device pushes batches to its server (device `i` to server `i mod n`) until time is up.
    private func push(_ devices: [PushConcurrencyBenchmark.Device], to servers: [URL]) async throws -> PushConcurrencyBenchmark.Phase {
        let batch = options.batch
        let transports = devices.map { device in
            let configuration = URLSessionConfiguration.ephemeral
            configuration.httpMaximumConnectionsPerHost = 1
            configuration.timeoutIntervalForRequest = 600
            configuration.timeoutIntervalForResource = 600
            return URLSessionSyncTransport(
                baseURL: servers[device.index % servers.count], token: device.token, timeout: 600,
                session: URLSession(configuration: configuration)
            )
        }
        let start = DispatchTime.now().uptimeNanoseconds
        let deadline = start + UInt64(options.seconds) * 1_000_000_000
        var total = try await withThrowingTaskGroup(of: PushConcurrencyBenchmark.Phase.self) { group in
            for device in devices {
                group.addTask {
                    var phase = PushConcurrencyBenchmark.Phase()
                    var counter: UInt64 = 0
                    while DispatchTime.now().uptimeNanoseconds < deadline {
                        var changes: [Change] = []
                        for _ in 0..<batch {
                            counter += 1
                            changes.append(try PushConcurrencyBenchmark.newAccount(device: device, counter: counter))
                        }
                        let request = PushRequest(schemaVersion: SchemaRegistry.currentVersion, replica: device.replica, changes: changes)
                        let sent = DispatchTime.now().uptimeNanoseconds
                        guard case .push(let response) = try await transports[device.index].send(.push(request)) else {
                            throw BenchError("a push was answered with something else")
                        }
                        phase.latencies.append(Double(DispatchTime.now().uptimeNanoseconds - sent) / 1e9)
                        phase.accepted += response.results.filter { $0.status == .accepted }.count
                        phase.requests += 1
                    }
                    return phase
                }
            }
            var total = PushConcurrencyBenchmark.Phase()
            for try await phase in group {
                total.accepted += phase.accepted
                total.requests += phase.requests
                total.latencies += phase.latencies
            }
            return total
        }
        total.seconds = seconds(since: start)
        total.latencies.sort()
        return total
    }

    private func close(
        _ servers: [RunningFieldbookServer], _ services: [ServerServices], directory: URL, database: PostgresDatabaseURL?
    ) async {
        for server in servers { await server.stop() }
        for opened in services { try? await opened.shutdown() }
        try? FileManager.default.removeItem(at: directory)
        if let database { try? await PostgresPool.dropSchema(of: database) }
    }
}
