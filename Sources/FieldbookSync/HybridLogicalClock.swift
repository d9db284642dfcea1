/// A source of physical time in Unix epoch milliseconds. Injected so that
/// clocks, merges and tests never read the wall clock themselves.
public protocol PhysicalClock: Sendable {
    /// Current wall time in milliseconds since 1970-01-01T00:00:00Z.
    func nowMillis() -> UInt64
}

/// A hybrid logical clock (Kulkarni et al., 2014) with bounded drift.
///
/// `tick` stamps a local change; `receive` folds in a remote timestamp so
/// that anything stamped afterwards sorts after it. A remote timestamp more
/// than ``maxDrift`` milliseconds ahead of local physical time is refused,
/// which bounds how far a broken device clock can push everyone's clocks.
///
/// The clock is a value: persist ``last`` with the replica and restore it.
public struct HybridLogicalClock: Sendable {
    /// The latest timestamp issued or received.
    public private(set) var last: HybridTimestamp
    /// How far (ms) a received timestamp may lie ahead of local physical time.
    public let maxDrift: UInt64

    /// Default drift bound: 5 minutes.
    public static let defaultMaxDrift: UInt64 = 5 * 60 * 1000

    /// Creates a clock that resumes after `last`.
    public init(last: HybridTimestamp = .zero, maxDrift: UInt64 = HybridLogicalClock.defaultMaxDrift) {
        self.last = last
        self.maxDrift = maxDrift
    }

    /// Issues a timestamp for a local event at physical time `physical`.
    /// Always strictly greater than every timestamp issued or received before.
    public mutating func tick(physical: UInt64) -> HybridTimestamp {
        let candidate = HybridTimestamp(millis: physical)
        last = candidate > last ? candidate : last.successor()
        return last
    }

    /// Issues a timestamp using `clock`.
    public mutating func tick(using clock: some PhysicalClock) -> HybridTimestamp {
        tick(physical: clock.nowMillis())
    }

    /// Folds a remote timestamp into the clock.
    /// - Throws: ``SyncError/clockDriftExceeded(remoteMillis:localMillis:maxDrift:)``
    ///   when `remote` is more than ``maxDrift`` ahead of `physical`; the clock is unchanged.
    public mutating func receive(_ remote: HybridTimestamp, physical: UInt64) throws(SyncError) {
        try checkDrift(remote, physical: physical)
        if remote > last { last = remote }
    }

    /// Moves the clock to at least `timestamp` without a drift check (for
    /// state already validated elsewhere, such as a snapshot from the server).
    public mutating func advance(past timestamp: HybridTimestamp) {
        if timestamp > last { last = timestamp }
    }

    /// Validates a remote timestamp without changing the clock.
    public func checkDrift(_ remote: HybridTimestamp, physical: UInt64) throws(SyncError) {
        let limit = physical > UInt64.max - maxDrift ? UInt64.max : physical + maxDrift
        if remote.millis > limit {
            throw .clockDriftExceeded(remoteMillis: remote.millis, localMillis: physical, maxDrift: maxDrift)
        }
    }
}
