import FieldbookSync

/// The body of `POST /v1/sync/push`: a replica's own changes, oldest first.
///
/// Every change's dot must belong to ``replica`` and the dots must be in
/// increasing counter order; the server answers each change separately in a
/// ``PushResponse``. Pushing the same changes again is harmless: the server
/// recognises them by dot.
///
/// ```swift
/// let request = PushRequest(schemaVersion: 3, replica: device, changes: outbox)
/// let body = try WireCodec().encode(request)
/// ```
public struct PushRequest: Hashable, Sendable, Codable {
    /// Most changes one request may carry; larger outboxes are split.
    public static let maxChanges = 1000

    /// Protocol version the request is written in.
    public var protocolVersion: ProtocolVersion
    /// Version of the entity schema the client was built with.
    public var schemaVersion: Int
    /// The pushing replica; must be owned by the authenticated device.
    public var replica: ReplicaID
    /// The changes, in increasing counter order, all with dots of ``replica``.
    public var changes: [Change]

    /// Creates a push request in the ``ProtocolVersion/current`` protocol version.
    public init(
        protocolVersion: ProtocolVersion = .current, schemaVersion: Int, replica: ReplicaID, changes: [Change]
    ) {
        self.protocolVersion = protocolVersion
        self.schemaVersion = schemaVersion
        self.replica = replica
        self.changes = changes
    }
}
