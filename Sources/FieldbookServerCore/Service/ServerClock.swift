import FieldbookSync

/// The server's hybrid logical clock over an injected physical clock.
///
/// It stamps ``FieldbookProtocol/PushResponse/serverTime`` and
/// server-authored changes, and moves past the time of every accepted change,
/// so that what the server writes later sorts after what it has seen.
public actor ServerClock {
    private var clock: HybridLogicalClock
    private let physical: any PhysicalClock

    /// Creates a clock reading `physical`.
    public init(physical: any PhysicalClock, maxDrift: UInt64 = HybridLogicalClock.defaultMaxDrift) {
        self.physical = physical
        self.clock = HybridLogicalClock(maxDrift: maxDrift)
    }

    /// Physical time now, in Unix milliseconds.
    public func physicalMillis() -> UInt64 { physical.nowMillis() }

    /// A fresh timestamp, greater than everything issued or observed before.
    public func now() -> HybridTimestamp { clock.tick(physical: physical.nowMillis()) }

    /// Moves the clock past `time` (an accepted change, already drift-checked).
    public func observe(_ time: HybridTimestamp) { clock.advance(past: time) }

    /// A timestamp for a change that must sort after `times` (the entries it overwrites).
    public func stamp(after times: some Sequence<HybridTimestamp>) -> HybridTimestamp {
        for time in times { clock.advance(past: time) }
        return clock.tick(physical: physical.nowMillis())
    }
}
