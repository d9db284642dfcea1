import FieldbookProtocol
import FieldbookSync
import Foundation

/// Runs sync sessions (SYNC.md §11) between a ``ClientDatabase`` and a
/// server reached through a ``SyncTransport``.
///
/// One ``sync(progress:)`` call is one session:
/// 1. **Push** the outbox in counter order, in batches of at most
///    ``Configuration/pushBatchSize`` changes. Accepted and duplicate changes
///    leave the outbox; rejected ones stay in the rejected list with code and
///    reason (``ClientDatabase/syncStatus()``) until discarded or fixed.
/// 2. **Pull** pages until `hasMore` is false, each applied in one local
///    transaction together with its cursor: snapshots replace the stored
///    state (pending and rejected local changes are re-applied on top),
///    changes merge, evicted records are removed — after their pending
///    changes were pushed; a record with rejected local changes is kept
///    until they are discarded. Every request acknowledges the latest cursor
///    allowed by §9.2.
/// 3. On `cursor_expired`, `replica_retired` or `invalid_cursor`, the
///    session **re-downloads** the scope (pull without cursor, §9.5); when
///    the download completes, records it did not deliver are removed unless
///    they hold pending or rejected local changes.
///
/// Transport failures leave local data as it was (pages already applied
/// stay applied, with their cursor) and are rethrown; the failure is kept
/// as `lastSyncError` in the status. A second concurrent session on the
/// same database fails with ``SyncEngineError/sessionInProgress(database:)``.
///
/// ```swift
/// let transport = URLSessionSyncTransport(baseURL: server, token: token)
/// let engine = SyncEngine(database: database, transport: transport)
/// let summary = try await engine.sync { progress in print(progress.phase, progress.pulled) }
/// print(summary.pushed, summary.rejected, summary.pulled)
/// ```
public struct SyncEngine: Sendable {
    /// Batch sizes and the server named in the status.
    public struct Configuration: Hashable, Sendable {
        /// Most changes per push request (1…``FieldbookProtocol/PushRequest/maxChanges``).
        public var pushBatchSize: Int
        /// Most items asked for per pull page (1…``FieldbookProtocol/PullRequest/maxLimit``).
        public var pullLimit: Int
        /// The server's address, stored with the sync state for `status`; nil keeps the stored one.
        public var serverURL: String?

        /// Creates a configuration.
        public init(
            pushBatchSize: Int = PushRequest.maxChanges, pullLimit: Int = PullRequest.defaultLimit,
            serverURL: String? = nil
        ) {
            self.pushBatchSize = min(max(1, pushBatchSize), PushRequest.maxChanges)
            self.pullLimit = min(max(1, pullLimit), PullRequest.maxLimit)
            self.serverURL = serverURL
        }
    }

    /// Receives progress reports during a session.
    public typealias ProgressHandler = @Sendable (SyncProgress) -> Void

    /// The local replica.
    public let database: ClientDatabase
    /// How requests reach the server.
    public let transport: any SyncTransport
    /// Batch sizes and server.
    public let configuration: Configuration

    /// Creates an engine; it holds no state besides the database.
    public init(database: ClientDatabase, transport: any SyncTransport, configuration: Configuration = .init()) {
        self.database = database
        self.transport = transport
        self.configuration = configuration
    }

    /// Runs one session: push everything, then pull until the server has no more.
    /// - Parameter progress: called after every request (on the calling task).
    /// - Returns: what the session did.
    /// - Throws: ``SyncEngineError``; the transport's errors (e.g.
    ///   ``SyncTransportError``) as they come; ``ClientError`` for local
    ///   storage failures. Nothing local is lost in any case.
    @discardableResult
    public func sync(progress: ProgressHandler? = nil) async throws -> SyncSummary {
        let lock = try SyncSessionLock(database: database)
        defer { lock.release() }
        let started = ContinuousClock.now
        var session = SyncSession(engine: self, report: progress ?? { _ in })
        do {
            try await session.push()
            try await session.pull()
            session.summary.evictions += try database.releaseResolvedHolds()
            session.summary.conflicts = try database.openConflictCount()
            session.summary.duration = ContinuousClock.now - started
            try database.finishSession(error: nil, serverURL: configuration.serverURL)
            session.report(.finished)
            return session.summary
        } catch {
            try? database.finishSession(error: Self.describe(error), serverURL: configuration.serverURL)
            throw error
        }
    }

    /// The request-level wire code behind `error`, if the server sent one.
    public static func wireCode(of error: any Error) -> WireErrorCode? {
        switch error {
        case let error as SyncTransportError: error.errorResponse?.error
        case let error as ErrorResponse: error.error
        default: nil
        }
    }

    /// A one-line description for `lastSyncError` (codes and messages, no record data).
    static func describe(_ error: any Error) -> String {
        switch error {
        case let error as ErrorResponse: "\(error.error.rawValue): \(error.message)"
        case let error as any CustomStringConvertible: error.description
        default: String(describing: type(of: error))
        }
    }
}
