import FieldbookModel
import FieldbookProtocol
import FieldbookSync

/// The sync server's protocol logic (SYNC.md §11) over a ``ServerStore``:
/// push processing, pull pages, server-authored changes and compaction.
///
/// It holds no per-request state and no I/O besides the store, so the HTTP
/// layer calls it from any number of concurrent requests and any number of
/// server instances may share one database store.
///
/// ```swift
/// let service = SyncService(store: InMemoryServerStore(), clock: WallClock())
/// let pushed = try await service.push(request, caller: SyncCaller(user: "user-anna", role: .rep))
/// let page = try await service.pull(PullRequest(schemaVersion: 1, replica: phone), caller: caller)
/// ```
///
/// Request-level failures throw ``SyncServiceError``; store failures are
/// rethrown as they come (the HTTP layer answers them with `internal_error`
/// or `unavailable`).
public struct SyncService: Sendable {
    /// Where decisions, records, the log and acknowledgements live.
    public let store: any ServerStore
    /// The server's hybrid logical clock.
    public let clock: ServerClock
    /// Versions, limits, cursor codec and authorization.
    public let configuration: SyncServiceConfiguration
    /// One server-authored change at a time in this process (``author(_:_:caller:_:)``).
    let authoring = AuthoringTurns()

    /// Creates a service.
    /// - Parameters:
    ///   - store: the storage backend.
    ///   - clock: physical time (``WallClock`` in production, a fixed clock in tests).
    ///   - configuration: versions, limits, cursors, authorization.
    public init(store: any ServerStore, clock: any PhysicalClock, configuration: SyncServiceConfiguration = .init()) {
        self.store = store
        self.clock = ServerClock(physical: clock, maxDrift: configuration.limits.maxDrift)
        self.configuration = configuration
    }

    /// Retires `replica` from the stability frontier (device revoked, offline
    /// past the retirement period, administrator's decision; SYNC.md §9.1).
    public func retire(_ replica: ReplicaID) async throws {
        try await store.retire(replica)
    }

    // MARK: Shared request checks

    /// Throws `unsupported_protocol_version` for a version not served.
    func checkProtocolVersion(_ version: ProtocolVersion) throws(SyncServiceError) {
        let served = configuration.protocolVersions
        guard served.contains(version) else {
            throw SyncServiceError(
                .unsupportedProtocolVersion,
                "protocol version \(version) is not served; this server speaks \(served.lowerBound)…\(served.upperBound)"
            )
        }
    }

    /// The registry for a client schema version, or `unsupported_schema_version`.
    func registry(for version: Int) throws(SyncServiceError) -> SchemaRegistry {
        guard let registry = configuration.schemas.registry(for: version) else {
            let served = configuration.schemas.versions
            let range = served.isEmpty ? "none" : "\(served.first!)…\(served.last!)"
            throw SyncServiceError(.unsupportedSchemaVersion, "schema version \(version) is not served (served: \(range))")
        }
        return registry
    }
}
