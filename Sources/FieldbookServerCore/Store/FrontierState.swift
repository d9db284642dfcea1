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

    /// The lowest position any active replica acknowledged: the log up to
    /// there may be dropped (SYNC.md §9.3 rule 4). Nil with no active replica.
    public var lowestAcknowledgedPosition: LogPosition? { acknowledgements.values.map(\.position).min() }
}
