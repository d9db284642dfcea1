import FieldbookSync
import Foundation

/// The wall clock, for production use. Tests inject their own ``PhysicalClock``.
public struct SystemClock: PhysicalClock {
    /// Creates the system clock.
    public init() {}

    /// Milliseconds since 1970-01-01T00:00:00Z.
    public func nowMillis() -> UInt64 { UInt64(max(0, Date().timeIntervalSince1970 * 1000)) }
}

/// A clock that returns whatever time it was last set to; for tests.
public final class ManualClock: PhysicalClock, @unchecked Sendable {
    private let lock = NSLock()
    private var millis: UInt64

    /// Creates a clock reading `millis`.
    public init(millis: UInt64) { self.millis = millis }

    /// The time set.
    public func nowMillis() -> UInt64 { lock.withLock { millis } }

    /// Sets the time.
    public func set(millis: UInt64) { lock.withLock { self.millis = millis } }

    /// Moves the time forward.
    public func advance(by delta: UInt64) { lock.withLock { millis += delta } }
}
