import FieldbookSync

/// A replica's acknowledgement (SYNC.md §9.1, §11.8): the log position it
/// acknowledged and the version vector of the log prefix up to there,
/// including the replica's own decided changes.
public struct Acknowledgement: Hashable, Sendable {
    /// The acknowledging replica.
    public var replica: ReplicaID
    /// The log position of the acknowledged cursor.
    public var position: LogPosition
    /// The acknowledged vector.
    public var vector: VersionVector

    /// Creates an acknowledgement.
    public init(replica: ReplicaID, position: LogPosition, vector: VersionVector) {
        self.replica = replica
        self.position = position
        self.vector = vector
    }
}

/// What recording an ``Acknowledgement`` did.
public enum AcknowledgementOutcome: Hashable, Sendable {
    /// Recorded: the replica is active and its acknowledgement moved forward.
    case recorded
    /// Ignored: not newer than the acknowledgement already recorded (acknowledgements never go back).
    case stale
    /// Ignored: the replica is not active and the vector does not cover the
    /// current frontier, so admitting it would lower the frontier (SYNC.md §9.5).
    case notAdmitted
}
