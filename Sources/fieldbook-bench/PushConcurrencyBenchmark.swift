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

/// Push throughput with many concurrent clients.
///
/// `clients` office users each sign in on their own device (own replica and
/// token) and, for `seconds`, push batches of `batch` new accounts as fast as
/// the server answers, each over its own URLSession (HTTP/1.1 keep-alive to
/// 127.0.0.1). Reports accepted changes/s and request latency. A second
/// phase runs the same clients against `SyncService.push` in process (no
/// HTTP): the split shows whether HTTP or the store bounds the rate. The
/// baseline: the same change blobs inserted with a raw prepared statement,
/// one transaction.
struct PushConcurrencyBenchmark {
    let options: PushConcurrencyOptions

    /// One simulated device.
    struct Device: Sendable {
        let index: Int
        let user: String
        let replica: ReplicaID
        let token: String
    }

    /// What a phase measured.
    struct Phase: Sendable {
        var accepted = 0
        var requests = 0
        var seconds = 0.0
        /// Sorted request durations, seconds.
        var latencies: [Double] = []
    }

    func run() async throws -> PushConcurrencyReport {
        let environment = try ServerBenchEnvironment()
        var report = PushConcurrencyReport(options: options)
        do {
            try await environment.start()
            var devices: [Device] = []
            for index in 0..<options.clients {
                let login = "office-\(index)"
                let user = try await environment.addUser(login, role: "office")
                let replica = ReplicaID(unchecked: "c-" + UUID().uuidString.lowercased())
                let session = try await environment.services.identity.login(
                    LoginRequest(login: login, password: ServerBenchEnvironment.password, deviceName: "bench \(index)", replica: replica)
                )
                devices.append(Device(index: index, user: user, replica: replica, token: session.token))
            }
            report.http = try await httpPhase(devices, server: environment.baseURL, seconds: Double(options.seconds))
            let services = environment.services
            report.direct = try await phase(devices, seconds: Double(options.seconds) / 2, resume: true) { device, changes in
                let response = try await services.sync.push(
                    PushRequest(schemaVersion: SchemaRegistry.currentVersion, replica: device.replica, changes: changes),
                    caller: SyncCaller(user: device.user, role: .office)
                )
                return response.results.filter { $0.status == .accepted }.count
            }
            report.rawRate = try baseline(in: environment.directory.path)
        } catch {
            await environment.shutDown()
            throw error
        }
        await environment.shutDown()
        return report
    }

    private func httpPhase(_ devices: [Device], server: URL, seconds: Double) async throws -> Phase {
        let transports = devices.map { device in
            let configuration = URLSessionConfiguration.ephemeral
            configuration.httpMaximumConnectionsPerHost = 1
            return URLSessionSyncTransport(baseURL: server, token: device.token, session: URLSession(configuration: configuration))
        }
        return try await phase(devices, seconds: seconds, resume: false) { device, changes in
            let request = PushRequest(schemaVersion: SchemaRegistry.currentVersion, replica: device.replica, changes: changes)
            guard case .push(let response) = try await transports[device.index].send(.push(request)) else {
                throw BenchError("a push was answered with something else")
            }
            return response.results.filter { $0.status == .accepted }.count
        }
    }

    /// Every device pushes batches through `push` until `seconds` have passed.
    /// With `resume`, counters continue from the device's last pushed one (the server rejects gaps).
    private func phase(
        _ devices: [Device], seconds duration: Double, resume: Bool,
        push: @escaping @Sendable (Device, [Change]) async throws -> Int
    ) async throws -> Phase {
        let batch = options.batch
        let start = DispatchTime.now().uptimeNanoseconds
        let deadline = start + UInt64(duration * 1e9)
        let results = try await withThrowingTaskGroup(of: Phase.self) { group in
            for device in devices {
                group.addTask {
                    var phase = Phase()
                    var counter = resume ? await PushCounters.shared.last(device.index) : 0
                    while DispatchTime.now().uptimeNanoseconds < deadline {
                        var changes: [Change] = []
                        changes.reserveCapacity(batch)
                        for _ in 0..<batch {
                            counter += 1
                            changes.append(try Self.newAccount(device: device, counter: counter))
                        }
                        let sent = DispatchTime.now().uptimeNanoseconds
                        let accepted = try await push(device, changes)
                        phase.latencies.append(Double(DispatchTime.now().uptimeNanoseconds - sent) / 1e9)
                        phase.accepted += accepted
                        phase.requests += 1
                    }
                    await PushCounters.shared.set(device.index, counter)
                    return phase
                }
            }
            var total = Phase()
            for try await phase in group {
                total.accepted += phase.accepted
                total.requests += phase.requests
                total.latencies += phase.latencies
            }
            return total
        }
        var total = results
        total.seconds = seconds(since: start)
        total.latencies.sort()
        return total
    }

    /// A new account made by `device` with its `counter`-th change.
    static func newAccount(device: Device, counter: UInt64) throws -> Change {
        let fields = SeedRecords.record(Int(counter) * SeedRecords.groupSize) { _ in "" }.fields.filter { $0.0 != "territory" }
        let empty = RecordState(entity: "account", id: "p\(device.index)-\(counter)")
        var builder = ChangeBuilder(state: empty)
        for (field, value) in fields { builder.set(field, to: value) }
        let millis = UInt64(Date().timeIntervalSince1970 * 1000)
        return Change(
            entity: "account", record: empty.id, dot: Dot(replica: device.replica, counter: counter),
            time: HybridTimestamp(millis: millis), ops: builder.operations
        )
    }

    /// Raw prepared inserts of the same change blobs, one transaction; rows/s.
    private func baseline(in directory: String) throws -> Double {
        let device = Device(index: 0, user: "", replica: ReplicaID(unchecked: "c-raw"), token: "")
        let rows = try (1...100_000).map { counter in
            let change = try Self.newAccount(device: device, counter: UInt64(counter))
            return (id: change.dot.description, entity: change.entity, payload: StorageCodec.encode(change))
        }
        let raw = try RawBlobSQLite(path: directory + "/raw-push.sqlite")
        let start = DispatchTime.now().uptimeNanoseconds
        try raw.insertInTransaction(rows)
        return Double(rows.count) / seconds(since: start)
    }
}

/// The last counter each device pushed, between phases.
actor PushCounters {
    static let shared = PushCounters()
    private var counters: [Int: UInt64] = [:]
    func last(_ device: Int) -> UInt64 { counters[device] ?? 0 }
    func set(_ device: Int, _ counter: UInt64) { counters[device] = counter }
}
