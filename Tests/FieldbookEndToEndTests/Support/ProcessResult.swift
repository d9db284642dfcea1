import Foundation
import FieldbookTestSupport

/// What a finished process printed and how it exited.
struct ProcessResult: CustomStringConvertible {
    var command: String
    var exitCode: Int32
    var stdout: String
    var stderr: String
    /// True when the process ended by SIGKILL (e.g. from `killAfter`).
    var wasKilled = false

    /// stdout parsed as JSON.
    func json() throws -> Any {
        do {
            return try JSONSerialization.jsonObject(with: Data(stdout.utf8), options: [.fragmentsAllowed])
        } catch {
            throw EndToEndError.unexpected("\(self)\nnot JSON: \(error)")
        }
    }

    /// stdout as a JSON object, or a descriptive error.
    func object() throws -> [String: Any] {
        guard let object = try json() as? [String: Any] else { throw EndToEndError.unexpected("\(command): not an object: \(stdout)") }
        return object
    }

    var description: String { "\(command) exited \(exitCode)\nstdout: \(stdout)\nstderr: \(stderr)" }

    /// Runs `executable` with `arguments`, feeding `input` on stdin, and waits
    /// for it on a Dispatch thread (never blocking the cooperative pool, which
    /// the in-process servers of other suites need).
    ///
    /// With `killAfter`, the process gets SIGKILL when it still runs after
    /// that many seconds (the chaos test's "crash at a random moment").
    static func run(
        _ executable: URL, _ arguments: [String], environment: [String: String] = [:], input: String? = nil,
        killAfter: Double? = nil
    ) async throws -> ProcessResult {
        try await offPool {
            try runBlocking(executable, arguments, environment: environment, input: input, killAfter: killAfter)
        }
    }

    /// Foundation's `Process.run()` on Linux can fail with EBADF when other
    /// threads of the test process open and close pipes at the same moment;
    /// such a launch failure (the child never started) is retried.
    private static func runBlocking(
        _ executable: URL, _ arguments: [String], environment: [String: String], input: String?, killAfter: Double?
    ) throws -> ProcessResult {
        var attempt = 0
        while true {
            do {
                return try launchAndWait(executable, arguments, environment: environment, input: input, killAfter: killAfter)
            } catch let error as LaunchFailure where attempt < 4 {
                attempt += 1
                _ = error
                Thread.sleep(forTimeInterval: 0.05 * Double(attempt))
            } catch let error as LaunchFailure {
                throw error.underlying
            }
        }
    }

    /// A `Process.run()` that threw: nothing was started.
    private struct LaunchFailure: Error { var underlying: any Error }

    private static func launchAndWait(
        _ executable: URL, _ arguments: [String], environment: [String: String], input: String?, killAfter: Double?
    ) throws -> ProcessResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        let output = Pipe()
        let errors = Pipe()
        let stdin = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = stdin
        do { try process.run() } catch { throw LaunchFailure(underlying: error) }
        let reaper = KillTimer(pid: process.processIdentifier)
        if let killAfter { reaper.schedule(after: killAfter) }
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try? stdin.fileHandleForWriting.close()
        // Read both pipes concurrently so a full stderr pipe cannot block the child.
        let errorData = LockedData()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorData.set(errors.fileHandleForReading.readToEndRetryingInterrupts())
            group.leave()
        }
        let stdout = output.fileHandleForReading.readToEndRetryingInterrupts()
        group.wait()
        reaper.cancel()
        process.waitUntilExit()
        return ProcessResult(
            command: ([executable.lastPathComponent] + arguments).joined(separator: " "),
            exitCode: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: errorData.get(), as: UTF8.self),
            wasKilled: process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
        )
    }
}

/// Runs blocking `work` (waiting for processes) on a Dispatch thread.
func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
    }
}

/// A Data value shared between threads.
final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ value: Data) { lock.lock(); data = value; lock.unlock() }
    func append(_ value: Data) { lock.lock(); data.append(value); lock.unlock() }
    func get() -> Data { lock.lock(); defer { lock.unlock() }; return data }
}

/// Failures of the end-to-end harness itself.
enum EndToEndError: Error, CustomStringConvertible {
    case failed(ProcessResult)
    case timeout(String)
    case unexpected(String)

    var description: String {
        switch self {
        case .failed(let result): "\(result)"
        case .timeout(let what): "timed out: \(what)"
        case .unexpected(let what): what
        }
    }
}
