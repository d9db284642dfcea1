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

    /// Runs `fieldbook <arguments>` and returns the result whatever the exit code.
    @discardableResult
    func run(_ arguments: [String], input: String? = nil) throws -> ProcessResult {
        var environment = self.environment
        environment["FIELDBOOK_HOME"] = home.path
        return try ProcessResult.run(BuiltExecutable.url("fieldbook"), arguments, environment: environment, input: input)
    }

    /// Runs with `--json`, requires exit code 0, returns the parsed output.
    func json(_ arguments: String...) throws -> Any {
        let result = try run(arguments + ["--json"])
        guard result.exitCode == 0 else { throw EndToEndError.failed(result) }
        return try result.json()
    }

    /// Like ``json(_:)`` for commands that print one object.
    func object(_ arguments: String...) throws -> [String: Any] {
        let result = try run(arguments + ["--json"])
        guard result.exitCode == 0 else { throw EndToEndError.failed(result) }
        return try result.object()
    }

    /// Signs in on `server` as `login` with `password` (from stdin).
    func login(_ server: ServerProcess, _ login: String, password: String) throws {
        let result = try run(
            ["login", "--server", server.baseURL, "--user", login, "--password-stdin"], input: password + "\n"
        )
        guard result.exitCode == 0 else { throw EndToEndError.failed(result) }
    }

    /// Runs `fieldbook sync --json` and returns the summary.
    @discardableResult
    func sync() throws -> [String: Any] {
        try object("sync")
    }
}
