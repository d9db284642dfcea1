import FieldbookModel
import FieldbookProtocol
import FieldbookSync

/// Settings of a ``SyncService``, with the defaults SYNC.md recommends.
///
/// ```swift
/// var configuration = SyncServiceConfiguration()
/// configuration.limits.maxPageItems = 500
/// configuration.schemas = .standard(minimumVersion: 2)
/// ```
public struct SyncServiceConfiguration: Sendable {
    /// Request and page limits.
    public struct Limits: Hashable, Sendable {
        /// Most changes one push may carry (SYNC.md §12: at least 1000).
        public var maxChangesPerPush: Int = PushRequest.maxChanges
        /// Most items one pull page holds, whatever the request asks (§11.3: RECOMMENDED 1000).
        public var maxPageItems: Int = 1000
        /// Longest slot path in bytes (§4.2: servers SHOULD reject longer ones).
        public var maxSlotBytes: Int = 512
        /// How far (ms) a change's time may lie ahead of the server clock (§3).
        public var maxDrift: UInt64 = HybridLogicalClock.defaultMaxDrift
        /// How often a change is re-evaluated when its record moved meanwhile
        /// (another server instance merged into it) before the push fails with `unavailable`.
        public var maxCommitAttempts: Int = 8

        /// Creates the default limits.
        public init() {}
    }

    /// The replica ID server-authored changes are made under (§2.1).
    public var serverReplica: ReplicaID = ReplicaID(unchecked: "srv")
    /// The protocol versions served.
    public var protocolVersions: ClosedRange<ProtocolVersion> = ProtocolVersion.supported
    /// The schema versions served.
    public var schemas: SchemaCatalog = .standard()
    /// Request and page limits.
    public var limits = Limits()
    /// Issues and checks cursors.
    public var cursors = CursorCodec()
    /// Decides rights and scopes per change (§11.2 step 8); allows all by default.
    public var authorizer: ChangeAuthorizer = .allowAll
    /// Whether pulls and pushes are limited to the caller's scope (SYNC.md
    /// §11.5). On by default; off only for tests of scope-free protocol behaviour.
    public var enforcesScopes = true
    /// Which root each entity's records hang off.
    public var scopes: ScopeRules = .standard
    /// How many scope epochs are kept per replica; a cursor naming an older
    /// one gets `cursor_expired` (SYNC.md §11.5).
    public var keptScopeEpochs = 8
    /// Days after an order's delivery the automatic satisfaction call is due (see `SatisfactionCall`).
    public var satisfactionCallDelayDays = SatisfactionCall.defaultDelayDays

    /// Creates the default configuration.
    public init() {}
}
