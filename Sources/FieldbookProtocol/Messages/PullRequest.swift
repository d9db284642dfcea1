import FieldbookSync

/// The body of `POST /v1/sync/pull`: "send me what changed in my scope after `cursor`".
///
/// Omitting ``cursor`` asks for the whole scope as snapshots (first sync or
/// re-sync). ``acknowledged`` feeds the stability frontier: a replica sends a
/// cursor there only once it has applied every page up to it *and* pushed
/// every local change it made before applying those pages.
///
/// ```swift
/// let request = PullRequest(schemaVersion: 3, replica: device, cursor: saved, acknowledged: ackable)
/// ```
public struct PullRequest: Hashable, Sendable, Codable {
    /// Page size clients use unless configured otherwise.
    public static let defaultLimit = 500
    /// Largest page size a request may ask for; servers may return less.
    public static let maxLimit = 10_000

    /// Protocol version the request is written in.
    public var protocolVersion: ProtocolVersion
    /// Version of the entity schema the client was built with.
    public var schemaVersion: Int
    /// The pulling replica; must be owned by the authenticated device.
    public var replica: ReplicaID
    /// Where to continue: the cursor of the last page applied; nil for a full snapshot.
    public var cursor: PullCursor?
    /// Most items (changes + snapshots + evictions) wanted in this page, 1…``maxLimit``.
    public var limit: Int
    /// The latest cursor the replica acknowledges under the acknowledgement rule.
    public var acknowledged: PullCursor?

    /// Creates a pull request in the ``ProtocolVersion/current`` protocol version.
    public init(
        protocolVersion: ProtocolVersion = .current, schemaVersion: Int, replica: ReplicaID,
        cursor: PullCursor? = nil, limit: Int = PullRequest.defaultLimit, acknowledged: PullCursor? = nil
    ) {
        self.protocolVersion = protocolVersion
        self.schemaVersion = schemaVersion
        self.replica = replica
        self.cursor = cursor
        self.limit = limit
        self.acknowledged = acknowledged
    }
}
