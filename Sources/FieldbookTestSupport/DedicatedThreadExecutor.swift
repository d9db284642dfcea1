import Foundation

/// A task executor with its own thread, for test servers whose handlers must
/// run while the cooperative pool is busy.
///
/// Tests that wait for child processes block the (few) threads of Swift's
/// cooperative pool; a test server whose handler task queues behind them
/// answers late and the client times out. A task started with
/// `Task(executorPreference:)` on this executor runs its code — including
/// the code of default actors it calls (SE-0417) — on this thread instead.
public final class DedicatedThreadExecutor: TaskExecutor, @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    /// Starts the executor's thread, named `name` for debuggers.
    public init(name: String = "test-executor") {
        // The thread holds the executor: both live as long as the process.
        let thread = Thread { self.runJobs() }
        thread.name = name
        thread.start()
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func runJobs() {
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }

    /// One executor shared by all test servers of the process.
    public static let shared = DedicatedThreadExecutor(name: "test-servers")
}
