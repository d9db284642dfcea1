import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A real `fieldbook-server serve` process on 127.0.0.1 with its own data
/// directory; can be killed (SIGKILL) and started again on the same data.
final class ServerProcess: @unchecked Sendable {
    /// The server's data directory (SQLite store and directory).
    let dataDirectory: URL
    /// Environment of the server and admin commands: cheap bcrypt for tests.
    static let environment = ["FIELDBOOK_BCRYPT_COST": "4"]
    private var process: Process?
    private let output = LockedData()
    private(set) var port: Int = 0

    /// The running server's process ID (nil when stopped).
    var processIdentifier: Int32? { process?.processIdentifier }

    /// The base URL clients use, e.g. `http://127.0.0.1:41235`.
    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// The PostgreSQL URL passed as `--database` to `serve` and admin commands (nil: SQLite in the data directory).
    let database: String?

    /// Creates a server on a fresh data directory (not started), on `database` when given.
    init(database: String? = nil) throws {
        dataDirectory = try BuiltExecutable.temporaryDirectory("fieldbook-server")
        self.database = database
    }

    /// `--database URL` when the server runs on PostgreSQL.
    private var databaseArguments: [String] { database.map { ["--database", $0] } ?? [] }

    /// Runs an administration command (`user add …`) on the data directory.
    @discardableResult
    func admin(_ arguments: [String], input: String? = nil) async throws -> ProcessResult {
        let result = try await ProcessResult.run(
            BuiltExecutable.url("fieldbook-server"), arguments + ["--data", dataDirectory.path] + databaseArguments,
            environment: Self.environment, input: input
        )
        guard result.exitCode == 0 else { throw EndToEndError.failed(result) }
        return result
    }

    /// Starts the server (on `port`, or a free port chosen by the OS the first
    /// time) and waits until `/healthz` answers 200.
    func start(port requested: Int? = nil) async throws {
        let process = Process()
        process.executableURL = BuiltExecutable.url("fieldbook-server")
        process.arguments = [
            "serve", "--host", "127.0.0.1", "--port", String(requested ?? port), "--data", dataDirectory.path,
            "--log-level", "warning",
        ] + databaseArguments
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in Self.environment { environment[key] = value }
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.standardError
        output.set(Data())
        let sink = output
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let chunk = handle.availableData
            if !chunk.isEmpty { sink.append(chunk) }
        }
        // Process.run() may fail with EBADF when other threads open and close
        // pipes at the same moment; nothing started then, so try again.
        for attempt in 1...5 {
            do {
                try process.run()
                break
            } catch where attempt < 5 {
                try await Task.sleep(for: .milliseconds(50 * attempt))
            }
        }
        self.process = process
        port = try await waitForPort()
        try await waitUntilHealthy()
    }

    /// Kills the server with SIGKILL (no graceful shutdown) and waits for it.
    func kill() async {
        guard let process else { return }
        Foundation.kill(process.processIdentifier, SIGKILL)
        _ = try? await offPool { process.waitUntilExit() }
        self.process = nil
    }

    /// Stops the server with SIGTERM and returns its exit code.
    @discardableResult
    func terminate() async -> Int32 {
        guard let process else { return 0 }
        process.terminate()
        _ = try? await offPool { process.waitUntilExit() }
        self.process = nil
        return process.terminationStatus
    }

    /// Kills the process without waiting (for `defer` blocks).
    func killNow() {
        if let process, process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
    }

    deinit {
        if let process, process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
    }

    private func waitForPort() async throws -> Int {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let text = String(decoding: output.get(), as: UTF8.self)
            if let range = text.range(of: "http://127.0.0.1:") {
                let digits = text[range.upperBound...].prefix { $0.isNumber }
                if let port = Int(digits), port > 0 { return port }
            }
            if let process, !process.isRunning {
                throw EndToEndError.unexpected("fieldbook-server exited \(process.terminationStatus): \(text)")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw EndToEndError.timeout("fieldbook-server did not print its address")
    }

    private func waitUntilHealthy() async throws {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if let (_, response) = try? await URLSession.shared.data(from: URL(string: baseURL + "/healthz")!),
                (response as? HTTPURLResponse)?.statusCode == 200
            {
                return
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw EndToEndError.timeout("/healthz on \(baseURL)")
    }
}
