import FieldbookSync
import Foundation

/// A physical clock the test sets by hand.
final class TestClock: PhysicalClock, @unchecked Sendable {
    private let lock = NSLock()
    private var millis: UInt64

    init(millis: UInt64 = Fixtures.now) { self.millis = millis }

    func nowMillis() -> UInt64 { lock.withLock { millis } }

    func advance(by delta: UInt64) { lock.withLock { millis += delta } }
}
