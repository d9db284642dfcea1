import Foundation

/// Sends SIGKILL to a child process after a delay unless cancelled first.
///
/// The caller cancels as soon as it has read the child's output pipes to the
/// end (the child is exiting). A timer firing in between can at worst signal
/// a child that just exited: Linux hands out process IDs in sequence, so the
/// ID is not reused by another process within that moment.
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
