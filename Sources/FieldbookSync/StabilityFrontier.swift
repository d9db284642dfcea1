/// The compaction rule: which metadata every replica has acknowledged.
///
/// Each active replica acknowledges a version vector: every change it has
/// applied, *and* it has pushed every local change it made before applying
/// them. The frontier is the pointwise minimum of those acknowledgements.
/// A change whose dot the frontier covers has been applied everywhere, so:
/// 1. a change covered by the frontier that arrives again is ignored;
/// 2. a register whose entries are all covered may drop its superseded dots;
/// 3. a deleted record with no open conflict whose entries are all covered
///    may be purged.
/// Entries themselves (value, dot, time) are never dropped while live: a
/// late concurrent write still needs them to be recognised as concurrent.
/// A replica retired from the frontier (lost device, offline too long) must
/// re-sync its scope before pushing again; see `Protocol/SYNC.md`.
public struct StabilityFrontier: Hashable, Sendable {
    /// Acknowledged vectors by active replica.
    public private(set) var acknowledgements: [ReplicaID: VersionVector]

    /// A frontier over no replicas yet.
    public init(acknowledgements: [ReplicaID: VersionVector] = [:]) {
        self.acknowledgements = acknowledgements
    }

    /// Records that `replica` acknowledged `vector`; acknowledgements never go back.
    ///
    /// A replica not yet counted (new, or retired earlier) is admitted only
    /// if `vector` covers the current frontier — otherwise admitting it would
    /// move the frontier back below metadata other replicas may already have
    /// compacted. Such a replica must re-sync its scope first.
    /// - Returns: false when the replica was not admitted.
    @discardableResult
    public mutating func acknowledge(_ vector: VersionVector, by replica: ReplicaID) -> Bool {
        guard let current = acknowledgements[replica] else {
            guard acknowledgements.isEmpty || stable.isCovered(by: vector) else { return false }
            acknowledgements[replica] = vector
            return true
        }
        acknowledgements[replica] = current.merged(with: vector)
        return true
    }

    /// Stops waiting for `replica` (retired or revoked device).
    public mutating func retire(_ replica: ReplicaID) {
        acknowledgements[replica] = nil
    }

    /// What every active replica has: the pointwise minimum of acknowledgements.
    public var stable: VersionVector {
        VersionVector.meet(Array(acknowledgements.values))
    }
}
