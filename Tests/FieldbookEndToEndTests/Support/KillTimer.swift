import Foundation

/// Sends SIGKILL to a child process after a delay unless cancelled first.
///
/// The caller cancels as soon as it has read the child's output pipes to the
/// end (the child is exiting), so a firing timer targets a child that has not
/// been reaped and its process ID cannot belong to anyone else yet.
final class KillTimer: @unchecked Sendable {
    private let pid: pid_t
    private let lock = NSLock()
    private var armed = true

    /// A timer for the child `pid`.
    init(pid: pid_t) { self.pid = pid }

    /// Kills the child after `seconds`, unless ``cancel()`` came first.
    func schedule(after seconds: Double) {
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { [self] in
            lock.lock()
            defer { lock.unlock() }
            if armed { kill(pid, SIGKILL) }
        }
    }

    /// Disarms the timer (call before the child is reaped by `waitUntilExit`).
    func cancel() {
        lock.lock()
        armed = false
        lock.unlock()
    }
}
