import Foundation

/// One rep's notebook: the real `fieldbook` CLI on its own FIELDBOOK_HOME.
struct ClientProcess {
    /// The data directory of this client.
    let home: URL
    /// Extra environment (time zone, fixed "now").
    var environment: [String: String] = ["FIELDBOOK_TZ": "Europe/Berlin"]

    /// Creates a client with a fresh data directory.
    init() throws {
        home = try BuiltExecutable.temporaryDirectory("fieldbook-client")
    }

    /// Runs `fieldbook <arguments>` and returns the result whatever the exit
    /// code; with `killAfter`, SIGKILL ends it if it still runs after that many seconds.
    @discardableResult
    func run(_ arguments: [String], input: String? = nil, killAfter: Double? = nil) async throws -> ProcessResult {
        var environment = self.environment
        environment["FIELDBOOK_HOME"] = home.path
        return try await ProcessResult.run(
            BuiltExecutable.url("fieldbook"), arguments, environment: environment, input: input, killAfter: killAfter
        )
    }

    /// Runs with `--json`, requires exit code 0, returns the parsed output.
    func json(_ arguments: String...) async throws -> Any {
        let result = try await run(arguments + ["--json"])
        guard result.exitCode == 0 else { throw EndToEndError.failed(result) }
        return try result.json()
    }

    /// Like ``json(_:)`` for commands that print one object.
    func object(_ arguments: String...) async throws -> [String: Any] {
        let result = try await run(arguments + ["--json"])
        guard result.exitCode == 0 else { throw EndToEndError.failed(result) }
        return try result.object()
    }

    /// The account record of `account show <id> --json` (the 360° view's header).
    func account(_ id: String) async throws -> [String: Any] {
        guard let account = try await object("account", "show", id)["account"] as? [String: Any] else {
            throw EndToEndError.unexpected("account show \(id): no account object")
        }
        return account
    }

    /// Signs in on `server` as `login` with `password` (from stdin).
    func login(_ server: ServerProcess, _ login: String, password: String) async throws {
        let result = try await run(
            ["login", "--server", server.baseURL, "--user", login, "--password-stdin"], input: password + "\n"
        )
        guard result.exitCode == 0 else { throw EndToEndError.failed(result) }
    }

    /// Runs `fieldbook sync --json` and returns the summary.
    @discardableResult
    func sync() async throws -> [String: Any] {
        try await object("sync")
    }
}
