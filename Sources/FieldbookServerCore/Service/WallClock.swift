import FieldbookSync
import Foundation

/// The system's wall clock, for production servers. Tests inject their own ``PhysicalClock``.
public struct WallClock: PhysicalClock {
    /// Creates the wall clock.
    public init() {}

    /// Milliseconds since 1970-01-01T00:00:00Z.
    public func nowMillis() -> UInt64 { UInt64(max(0, Date().timeIntervalSince1970 * 1000)) }
}
