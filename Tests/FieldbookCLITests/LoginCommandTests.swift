import Foundation
import Testing
import FieldbookTestSupport

/// A canned Fieldbook server on 127.0.0.1: password "pw" signs in with token
/// "tok-1"; pushes are accepted; pulls return an empty last page.
enum CannedServer {
    static let token = "tok-1"
    static let serverTime = "01972fb54ba00000"

    static func start() throws -> SyncLoopbackServer {
        try SyncLoopbackServer(blocking: { request in
            let body = (try? JSONSerialization.jsonObject(with: request.body)) as? [String: Any] ?? [:]
            func error(_ status: Int, _ code: String) -> SyncLoopbackServer.Response {
                .init(status: status, json: #"{"error":"\#(code)","message":"refused by the test server","requestID":"r-1"}"#)
            }
            if request.path == "/v1/auth/login" {
                guard body["password"] as? String == "pw", let replica = body["replica"] as? String,
                    let login = body["login"] as? String
                else { return error(401, "unauthenticated") }
                return .init(
                    status: 200,
                    json: #"{"token":"\#(token)","device":"dev-1","replica":"\#(replica)","user":"user-\#(login)","login":"\#(login)","role":"rep"}"#
                )
            }
            guard request.headers["authorization"] == "Bearer \(token)" else { return error(401, "unauthenticated") }
            switch request.path {
            case "/v1/auth/logout":
                return .init(status: 204)
            case "/v1/sync/push":
                let dots = (body["changes"] as? [[String: Any]] ?? []).compactMap { $0["dot"] as? String }
                let results = dots.map { #"{"dot":"\#($0)","status":"accepted"}"# }.joined(separator: ",")
                return .init(status: 200, json: #"{"results":[\#(results)],"serverTime":"\#(serverTime)"}"#)
            case "/v1/sync/pull":
                return .init(
                    status: 200,
                    json: #"{"changes":[],"snapshots":[],"evictions":[],"cursor":"c-1","hasMore":false,"stable":{},"serverTime":"\#(serverTime)"}"#
                )
            default:
                return error(404, "not_found")
            }
        })
    }
}

extension CLIRunner {
    /// Runs `fieldbook <arguments>` with `input` on standard input (a pipe, so never a terminal).
    func run(_ arguments: [String], input: String, environment extra: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["FIELDBOOK_HOME"] = home
        for (key, value) in self.environment.merging(extra, uniquingKeysWith: { $1 }) { environment[key] = value }
        process.environment = environment
        let stdin = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = stdin
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let stdout = output.fileHandleForReading.readToEndRetryingInterrupts()
        let stderr = errors.fileHandleForReading.readToEndRetryingInterrupts()
        process.waitUntilExit()
        return Result(
            exitCode: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self)
        )
    }

    /// Signs in to `server` as anna with the password on standard input.
    func login(_ server: SyncLoopbackServer, password: String = "pw", extra: [String] = []) throws -> Result {
        try run(
            ["login", "--server", server.baseURL.absoluteString, "--user", "anna", "--password-stdin"] + extra,
            input: password + "\n"
        )
    }

    /// The credentials file's path.
    var credentialsPath: String { home + "/credentials.json" }
}

@Suite("fieldbook login and logout")
struct LoginCommandTests {
    @Test func loginStoresTheTokenInAPrivateFileAndBindsTheLocalReplica() throws {
        let server = try CannedServer.start()
        defer { server.stop() }
        let cli = try CLIRunner()
        let replica = try #require((try cli.json("status") as? [String: Any])?["replica"] as? String)

        let result = try cli.login(server, extra: ["--device-name", "Test box", "--json"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let answer = try #require(try result.json() as? [String: Any])
        #expect(answer["login"] as? String == "anna" && answer["role"] as? String == "rep")
        #expect(answer["device"] as? String == "dev-1" && answer["replica"] as? String == replica)

        let sent = try #require(try JSONSerialization.jsonObject(with: server.requests[0].body) as? [String: Any])
        #expect(sent["replica"] as? String == replica && sent["deviceName"] as? String == "Test box")
        let attributes = try FileManager.default.attributesOfItem(atPath: cli.credentialsPath)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let stored = try String(contentsOfFile: cli.credentialsPath, encoding: .utf8)
        #expect(stored.contains(#""token" : "tok-1""#) && stored.contains(server.baseURL.absoluteString))
        #expect(!stored.contains("\"pw\""), "the password is never stored")

        let status = try #require(try cli.json("status") as? [String: Any])
        #expect(status["server"] as? String == server.baseURL.absoluteString)
        #expect(status["signedInAs"] as? String == "anna")
        let human = try cli.run("status").stdout
        #expect(human.contains("Server:           \(server.baseURL.absoluteString) (signed in as anna)"))
    }

    @Test func aWrongPasswordIsRefusedAndStoresNothing() throws {
        let server = try CannedServer.start()
        defer { server.stop() }
        let cli = try CLIRunner()
        let result = try cli.login(server, password: "nope")
        #expect(result.exitCode == 7)
        #expect(result.stderr.contains("sign-in refused"))
        #expect(!FileManager.default.fileExists(atPath: cli.credentialsPath))
    }

    @Test func anUnreachableServerExitsWithTheOfflineCode() throws {
        let server = try CannedServer.start()
        server.stop()
        let cli = try CLIRunner()
        let result = try cli.login(server)
        #expect(result.exitCode == 6)
        #expect(result.stderr.contains("cannot reach"))
        #expect(!FileManager.default.fileExists(atPath: cli.credentialsPath))
    }

    @Test func argumentsAreChecked() throws {
        let cli = try CLIRunner()
        let badURL = try cli.run(["login", "--server", "crm.example.com", "--user", "anna", "--password-stdin"], input: "pw\n")
        #expect(badURL.exitCode == 64 && badURL.stderr.contains("not a server URL"), "an ArgumentParser usage error")
        let noUser = try cli.run(["login", "--server", "http://127.0.0.1:9"], input: "")
        #expect(noUser.exitCode == 64 && noUser.stderr.contains("--user"))
        let noTerminal = try cli.run(["login", "--server", "http://127.0.0.1:9", "--user", "anna"], input: "pw\n")
        #expect(noTerminal.exitCode == 2 && noTerminal.stderr.contains("--password-stdin"))
        let empty = try cli.run(["login", "--server", "http://127.0.0.1:9", "--user", "anna", "--password-stdin"], input: "")
        #expect(empty.exitCode == 2)
        let help = try cli.run("login", "--help")
        #expect(help.stdout.contains("--password-stdin") && help.stdout.contains("0600"))
    }

    @Test func logoutRevokesTheTokenAndForgetsIt() throws {
        let server = try CannedServer.start()
        defer { server.stop() }
        let cli = try CLIRunner()
        #expect(try cli.login(server).exitCode == 0)
        let result = try cli.run("logout")
        #expect(result.exitCode == 0 && result.stdout.contains("Signed out"))
        #expect(server.requests.last?.path == "/v1/auth/logout")
        #expect(server.requests.last?.headers["authorization"] == "Bearer tok-1")
        #expect(!FileManager.default.fileExists(atPath: cli.credentialsPath))
        #expect(try cli.run("logout").stdout.contains("Not signed in"))
    }
}
