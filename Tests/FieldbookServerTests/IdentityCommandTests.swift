import FieldbookProtocol
import FieldbookServerCore
import FieldbookServerStoreSQLite
import FieldbookSync
import Foundation
import Testing
import FieldbookTestSupport

@testable import FieldbookServer

/// The admin commands of the built `fieldbook-server`, run as processes on a
/// data directory that an in-process service (standing in for a running
/// server) holds open at the same time.
@Suite("Identity admin commands")
struct IdentityCommandTests {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var line: String { stdout.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// The `fieldbook-server` binary built beside the test bundle.
    static var executable: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !directory.path.isEmpty, directory.path != "/" {
            let candidate = directory.appendingPathComponent("fieldbook-server")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("fieldbook-server")
    }

    static func run(_ arguments: [String], data: URL?, stdin: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments + (data.map { ["--data", $0.path] } ?? [])
        var environment = ProcessInfo.processInfo.environment
        environment[IdentityConfiguration.bcryptCostVariable] = "4"
        process.environment = environment
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let stdout = output.fileHandleForReading.readToEndRetryingInterrupts()
        let stderr = errors.fileHandleForReading.readToEndRetryingInterrupts()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self)
        )
    }

    @Test func scriptedAdministrationWhileAServerHoldsTheDirectory() async throws {
        let fixture = try IdentityFixture()
        defer { fixture.tearDown() }
        let data = fixture.directory
        func run(_ arguments: String..., stdin: String? = nil) throws -> Result { try Self.run(arguments, data: data, stdin: stdin) }

        let north = try run("territory", "add", "North", "--code", "N")
        #expect(north.status == 0, "\(north.stderr)")
        let sales = try run("team", "add", "Sales")
        #expect(sales.status == 0, "\(sales.stderr)")
        let anna = try run(
            "user", "add", "--login", "anna", "--name", "Anna", "--role", "rep", "--team", "Sales", "--territory", "N",
            "--password-stdin", stdin: "secret-password\n"
        )
        #expect(anna.status == 0, "\(anna.stderr)")
        #expect(try run("user", "add", "--login", "anna", "--name", "A", "--role", "rep", "--password-stdin", stdin: "secret-password\n").status == 4)
        #expect(try run("user", "add", "--login", "ben", "--name", "B", "--role", "boss", "--password-stdin", stdin: "secret-password\n").status == 2)
        let short = try run("user", "add", "--login", "ben", "--name", "B", "--role", "rep", "--password-stdin", stdin: "short\n")
        #expect(short.status == 64 && short.stderr.contains("at least 8") && !short.stderr.contains("short\n"))
        let noTerminal = try run("user", "add", "--login", "ben", "--name", "B", "--role", "rep")
        #expect(noTerminal.status == 64 && noTerminal.stderr.contains("--password-stdin"))
        #expect(try run("team", "add", "Sales").status == 4)
        #expect(try run("user", "disable", "ghost").status == 3)
        #expect(try run("device", "revoke", "nope").status == 3)

        let users = try run("user", "list", "--json")
        let listed = try JSONDecoder().decode([UserSummary].self, from: Data(users.stdout.utf8))
        #expect(listed.map(\.login) == ["anna"] && listed[0].id == anna.line)
        #expect(listed[0].team == sales.line && listed[0].territories == [north.line] && listed[0].role == "rep")
        #expect(try run("user", "list").stdout.hasPrefix("LOGIN "))

        // The "server" signs Anna in; the command sees and revokes her device.
        let session = try await fixture.identity.login(
            LoginRequest(login: "anna", password: "secret-password", deviceName: "Laptop", replica: ReplicaID(unchecked: "anna-1"))
        )
        let devices = try run("device", "list", "--user", "anna", "--json")
        #expect(devices.stdout.contains(session.device) && devices.stdout.contains("anna-1"))
        #expect(try run("device", "revoke", session.device).status == 0)
        #expect(try await fixture.identity.authenticate(token: session.token) == nil)
        #expect(try await fixture.store.frontierState().needsResync.contains(ReplicaID(unchecked: "anna-1")))

        #expect(try run("territory", "assign", "N", "--user", "anna", "--remove").status == 0)
        #expect(try await fixture.record(anna.line)?.elements(of: "territories") == [])
        let account = "acc-\(UUID().uuidString.lowercased())"
        _ = try await fixture.sync.author("account", account) { $0.set("name", to: .text("Acme")) }
        #expect(try run("account", "assign", account, "--territory", "North", "--owner", "anna").status == 0)
        let state = try await fixture.record(account)
        #expect(state?.value("territory") == .text(north.line) && state?.value("owner") == .text(anna.line))
        #expect(try run("account", "assign", "missing", "--territory", "North").status == 3)

        #expect(try run("user", "disable", "anna").status == 0)
        await #expect(throws: IdentityError.loginFailed) {
            try await fixture.identity.login(
                LoginRequest(login: "anna", password: "secret-password", deviceName: "L", replica: ReplicaID(unchecked: "anna-2"))
            )
        }
    }

    @Test func theDataDirectoryComesFromTheEnvironment() throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("fieldbook-env-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        setenv(DataDirectoryOptions.environmentVariable, data.path, 1)
        defer { unsetenv(DataDirectoryOptions.environmentVariable) }
        #expect(try Self.run(["territory", "add", "South"], data: nil).status == 0)
        #expect(FileManager.default.fileExists(atPath: data.appendingPathComponent("directory.sqlite").path))
        #expect(FileManager.default.fileExists(atPath: data.appendingPathComponent("sync.sqlite").path))
    }

    @Test func tablesAreAligned() {
        #expect(AdminCommands.table(["A", "BB"], [["xxx", "y"], ["z", "wwww"]]) == "A    BB\nxxx  y\nz    wwww")
    }
}
