import Foundation
import Testing
import FieldbookTestSupport

/// Runs the built `fieldbook` executable against a private data directory,
/// the way a user or a script would.
struct CLIRunner {
    /// The result of one invocation.
    struct Result {
        var exitCode: Int32
        var stdout: String
        var stderr: String

        /// stdout parsed as JSON.
        func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(stdout.utf8), options: [.fragmentsAllowed]) }
    }

    /// The data directory (a fresh temporary directory).
    let home: String
    /// Extra environment, e.g. `FIELDBOOK_NOW` and `FIELDBOOK_TZ`.
    var environment: [String: String]

    init(environment: [String: String] = ["FIELDBOOK_NOW": "2026-11-23T08:00:00Z", "FIELDBOOK_TZ": "Europe/Berlin"]) throws {
        home = NSTemporaryDirectory() + "fieldbook-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        self.environment = environment
    }

    /// The `fieldbook` binary built beside the test bundle.
    static var executable: URL {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0])
        var directory = testBinary.deletingLastPathComponent()
        while !directory.path.isEmpty, directory.path != "/" {
            let candidate = directory.appendingPathComponent("fieldbook")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return testBinary.deletingLastPathComponent().appendingPathComponent("fieldbook")
    }

    /// Runs `fieldbook <arguments>` and waits for it.
    @discardableResult
    func run(_ arguments: String...) throws -> Result { try run(arguments) }

    /// Runs `fieldbook <arguments>` and waits for it.
    func run(_ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["FIELDBOOK_HOME"] = home
        for (key, value) in self.environment { environment[key] = value }
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let stdout = output.fileHandleForReading.readToEndRetryingInterrupts()
        let stderr = errors.fileHandleForReading.readToEndRetryingInterrupts()
        process.waitUntilExit()
        return Result(
            exitCode: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self)
        )
    }

    /// Runs `fieldbook <arguments>` on a Dispatch thread and waits without
    /// blocking the cooperative pool (which the in-process servers of other
    /// suites need): for long or repeated runs inside async tests.
    func runAsync(_ arguments: String...) async throws -> Result {
        let runner = self
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Swift.Result { try runner.run(arguments) }) }
        }
    }

    /// Runs with `--json` appended, expects exit code 0, returns the parsed JSON.
    func json(_ arguments: String...) throws -> Any {
        let result = try run(arguments + ["--json"])
        guard result.exitCode == 0 else {
            throw CLIRunnerError.failed(arguments: arguments, exitCode: result.exitCode, stderr: result.stderr)
        }
        return try result.json()
    }
}

enum CLIRunnerError: Error, CustomStringConvertible {
    case failed(arguments: [String], exitCode: Int32, stderr: String)

    var description: String {
        switch self {
        case .failed(let arguments, let exitCode, let stderr):
            "fieldbook \(arguments.joined(separator: " ")) exited \(exitCode): \(stderr)"
        }
    }
}

@Suite("fieldbook account")
struct AccountCommandTests {
    @Test func addListShowEditDelete() throws {
        let cli = try CLIRunner()
        let created = try #require(try cli.json("account", "add", "--name", "Müller GmbH", "--role", "customer") as? [String: Any])
        let id = try #require(created["id"] as? String)
        #expect(created["name"] as? String == "Müller GmbH")
        #expect(created["roles"] as? [String] == ["customer"])

        let found = try #require(try cli.json("account", "list", "--search", "muller") as? [[String: Any]])
        #expect(found.map { $0["id"] as? String } == [id])
        #expect((try cli.json("account", "list", "--search", "bauer") as? [[String: Any]])?.isEmpty == true)

        let edited = try #require(try cli.json("account", "edit", id, "--phone", "+49 711 1234") as? [String: Any])
        #expect(edited["phone"] as? String == "+49 711 1234")
        #expect(edited["name"] as? String == "Müller GmbH")

        let human = try cli.run("account", "list")
        #expect(human.exitCode == 0)
        #expect(human.stdout.contains("Müller GmbH"))
        #expect(human.stdout.hasPrefix("ID"))

        try cli.run("account", "delete", id)
        let missing = try cli.run("account", "show", id)
        #expect(missing.exitCode == 3)
        #expect(missing.stderr.contains("no account"))
    }

    @Test func invalidInputIsRefusedWithExitCodeFour() throws {
        let cli = try CLIRunner()
        let result = try cli.run("account", "add", "--name", "X", "--email", "not-an-address")
        #expect(result.exitCode == 4)
        #expect(result.stderr.contains("email"))
        #expect((try cli.json("account", "list") as? [[String: Any]])?.isEmpty == true)
    }
}

@Suite("fieldbook account list filters")
struct AccountListFilterTests {
    @Test func filtersByOwnerAndStatusThroughTheSchema() throws {
        let cli = try CLIRunner()
        try cli.json("account", "add", "--name", "Alpha", "--owner", "user-a", "--status", "active")
        try cli.json("account", "add", "--name", "Beta", "--owner", "user-b", "--status", "inactive")
        let mine = try #require(try cli.json("account", "list", "--owner", "user-a") as? [[String: Any]])
        #expect(mine.map { $0["name"] as? String } == ["Alpha"])
        let inactive = try #require(try cli.json("account", "list", "--status", "inact") as? [[String: Any]])
        #expect(inactive.map { $0["name"] as? String } == ["Beta"], "unique prefixes of enum values work")
        let wrong = try cli.run("account", "list", "--abc", "Z")
        #expect(wrong.exitCode == 2)
        #expect(wrong.stderr.contains("A, B, C"))
    }
}
