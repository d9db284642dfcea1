import FieldbookClient
import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookServerCoreTesting
import FieldbookSync
import Foundation

/// Faults and extras a test injects into an ``InProcessTransport``.
final class TransportFaults: @unchecked Sendable {
    private let lock = NSLock()
    private var pushesBeforeLostAnswer: Int?
    private var pullsBeforeFailure: Int?
    private var evictions: [RecordRef] = []
    private var beforePullAnswer: (@Sendable () throws -> Void)?
    private(set) var pushRequests: [PushRequest] = []
    private(set) var pullRequests: [PullRequest] = []

    /// After `count` more pushes succeed, the next push is applied by the
    /// server but its answer is lost (the transport throws).
    func loseAnswer(afterPushes count: Int) { lock.withLock { pushesBeforeLostAnswer = count } }
    /// After `count` more pulls succeed, the next pull fails before reaching the server.
    func failPull(after count: Int) { lock.withLock { pullsBeforeFailure = count } }
    /// The next pull page also evicts `refs`.
    func evictOnNextPull(_ refs: [RecordRef]) { lock.withLock { evictions = refs } }
    /// Runs `body` once, after the server answered the next pull and before the client sees the page.
    func beforeNextPullAnswer(_ body: @escaping @Sendable () throws -> Void) { lock.withLock { beforePullAnswer = body } }

    func push(_ request: PushRequest) -> Bool {
        lock.withLock {
            pushRequests.append(request)
            guard let left = pushesBeforeLostAnswer else { return false }
            if left == 0 {
                pushesBeforeLostAnswer = nil
                return true
            }
            pushesBeforeLostAnswer = left - 1
            return false
        }
    }

    func pull(_ request: PullRequest) -> Bool {
        lock.withLock {
            pullRequests.append(request)
            guard let left = pullsBeforeFailure else { return false }
            if left == 0 {
                pullsBeforeFailure = nil
                return true
            }
            pullsBeforeFailure = left - 1
            return false
        }
    }

    func takePageExtras() -> ([RecordRef], (@Sendable () throws -> Void)?) {
        lock.withLock {
            defer {
                evictions = []
                beforePullAnswer = nil
            }
            return (evictions, beforePullAnswer)
        }
    }
}

/// A ``SyncTransport`` that calls an in-process ``SyncService`` directly,
/// mapping its request-level errors to ``SyncTransportError`` as the HTTP
/// layer would, with injectable faults.
struct InProcessTransport: SyncTransport {
    let service: SyncService
    var caller = SyncCaller(user: "user-anna", role: nil)
    var faults = TransportFaults()

    func send(_ request: SyncRequest) async throws -> SyncResponse {
        do {
            switch request {
            case .push(let push):
                let loseAnswer = faults.push(push)
                let response = try await service.push(push, caller: caller)
                if loseAnswer { throw SyncTransportError.unreachable(url: "in-process", reason: "connection reset") }
                return .push(response)
            case .pull(let pull):
                if faults.pull(pull) { throw SyncTransportError.unreachable(url: "in-process", reason: "timed out") }
                var page = try await service.pull(pull, caller: caller)
                let (evictions, hook) = faults.takePageExtras()
                page.evictions += evictions
                try hook?()
                return .pull(page)
            }
        } catch let error as SyncServiceError {
            throw SyncTransportError.server(status: error.code.httpStatus ?? 500, response: error.errorResponse())
        }
    }
}

/// A server (in-memory store) and helpers to make file-backed clients of it.
struct SyncWorld {
    let harness: Harness
    let directory: String

    init(configuration: SyncServiceConfiguration = .init()) throws {
        harness = Harness(configuration: configuration)
        directory = NSTemporaryDirectory() + "fieldbook-sync-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    var service: SyncService { harness.service }

    /// A client replica in its own SQLite file, with an engine talking to the server.
    func client(
        _ name: String, pushBatchSize: Int = PushRequest.maxChanges, pullLimit: Int = PullRequest.defaultLimit
    ) throws -> SyncClient {
        let database = try ClientDatabase.open(at: "\(directory)/\(name).sqlite", clock: ManualClock(millis: Fixtures.now))
        let transport = InProcessTransport(service: harness.service)
        let engine = SyncEngine(
            database: database, transport: transport,
            configuration: .init(pushBatchSize: pushBatchSize, pullLimit: pullLimit, serverURL: "memory://server")
        )
        return SyncClient(database: database, engine: engine, faults: transport.faults)
    }

    /// Rejects every change that adds a value to `roles`, or touches a record whose ID starts with `locked-`.
    static func lockingConfiguration() -> SyncServiceConfiguration {
        var configuration = SyncServiceConfiguration()
        configuration.authorizer = ChangeAuthorizer { change, _, _ in
            if change.record.hasPrefix("locked-") { return Rejection(.forbidden, "this record is locked") }
            if change.ops.contains(where: { $0.slot.field == "roles" && $0.value != nil }) {
                return Rejection(.forbidden, "roles are set by the office")
            }
            return nil
        }
        return configuration
    }
}

/// One client of a ``SyncWorld``.
struct SyncClient {
    let database: ClientDatabase
    let engine: SyncEngine
    let faults: TransportFaults

    /// Creates or edits a record locally.
    @discardableResult
    func edit(_ entity: String, _ id: String, _ body: (inout ChangeBuilder) throws -> Void) throws -> RecordState {
        (database.clock as? ManualClock)?.advance(by: 10)
        return try database.edit(entity, id, body)
    }

    /// Creates an account named `name`.
    func account(_ id: String, _ name: String) throws {
        try edit("account", id) { $0.set("name", to: .text(name)) }
    }

    /// The name of account `id`, nil if absent.
    func name(_ id: String) throws -> String? {
        guard let state = try database.record(id), case .text(let name)? = state.value("name") else { return nil }
        return name
    }

    /// Runs a session, collecting progress reports.
    func sync() async throws -> (SyncSummary, [SyncProgress]) {
        let reports = ProgressLog()
        let summary = try await engine.sync { reports.append($0) }
        return (summary, reports.all)
    }
}

/// Progress reports collected from a session.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [SyncProgress] = []
    func append(_ report: SyncProgress) { lock.withLock { reports.append(report) } }
    var all: [SyncProgress] { lock.withLock { reports } }
}
