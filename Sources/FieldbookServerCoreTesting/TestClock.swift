import FieldbookSync
import Foundation

/// A physical clock the test sets by hand.
public final class TestClock: PhysicalClock, @unchecked Sendable {
    private let lock = NSLock()
    private var millis: UInt64

    public init(millis: UInt64 = Fixtures.now) { self.millis = millis }

    public func nowMillis() -> UInt64 { lock.withLock { millis } }

    public func advance(by delta: UInt64) { lock.withLock { millis += delta } }
}
