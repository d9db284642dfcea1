import FieldbookSync

/// The acknowledgements of the active replicas and the replicas that must
/// re-sync: what the stability frontier (SYNC.md §9) is computed from.
public struct FrontierState: Hashable, Sendable {
    /// The latest acknowledgement of every active replica.
    public var acknowledgements: [ReplicaID: Acknowledgement]
    /// Retired replicas that have not started a download since (SYNC.md §9.5):
    /// a pull with a cursor from one of them is answered `replica_retired`.
    public var needsResync: Set<ReplicaID>

    /// Creates a state.
    public init(acknowledgements: [ReplicaID: Acknowledgement] = [:], needsResync: Set<ReplicaID> = []) {
        self.acknowledgements = acknowledgements
        self.needsResync = needsResync
    }

    /// The frontier over the active replicas.
    public var frontier: StabilityFrontier {
        StabilityFrontier(acknowledgements: acknowledgements.mapValues(\.vector))
    }

    /// The stability frontier: what every active replica has acknowledged.
    public var stable: VersionVector { frontier.stable }

    /// Whether `replica` counts towards the frontier.
    public func isActive(_ replica: ReplicaID) -> Bool { acknowledgements[replica] != nil }

    /// What to store for `acknowledgement` (the monotone-acknowledgement rule
    /// of ``ServerStore``): an active replica's acknowledgement moves forward
    /// only (vectors merged), a replica outside the frontier is admitted only
    /// with a vector that covers it. Every store applies this one rule.
    /// - Returns: the acknowledgement to store, or the outcome when nothing is stored.
    public func recording(_ acknowledgement: Acknowledgement) -> Result<Acknowledgement, AcknowledgementRefusal> {
        let replica = acknowledgement.replica
        if let current = acknowledgements[replica] {
            guard acknowledgement.position > current.position else { return .failure(.stale) }
            return .success(
                Acknowledgement(
                    replica: replica, position: acknowledgement.position,
                    vector: current.vector.merged(with: acknowledgement.vector)
                )
            )
        }
        var check = frontier
        guard check.acknowledge(acknowledgement.vector, by: replica) else { return .failure(.notAdmitted) }
        return .success(acknowledgement)
    }

    /// Why ``recording(_:)`` stores nothing.
    public enum AcknowledgementRefusal: Error, Hashable, Sendable {
        /// Not beyond the replica's recorded acknowledgement.
        case stale
        /// A replica outside the frontier whose vector does not cover it.
        case notAdmitted

        /// The matching ``AcknowledgementOutcome``.
        public var outcome: AcknowledgementOutcome { self == .stale ? .stale : .notAdmitted }
    }

    /// The lowest position any active replica acknowledged: the log up to
    /// there may be dropped (SYNC.md §9.3 rule 4). Nil with no active replica.
    public var lowestAcknowledgedPosition: LogPosition? { acknowledgements.values.map(\.position).min() }
}
