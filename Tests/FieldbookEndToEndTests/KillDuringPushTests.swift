import Foundation
import Testing

/// The server is killed with SIGKILL while a client pushes thousands of
/// changes, and restarted on the same data: the retried sync loses nothing
/// and duplicates nothing.
@Suite("end to end: server killed mid-push", .serialized)
struct KillDuringPushTests {
    @Test func serverKilledMidPushLosesAndDuplicatesNothing() async throws {
        let organization = try await SalesOrganization.start()
        defer { organization.server.killNow() }
        let server = organization.server
        let writer = try await organization.client("eva")
        // 1,500 accounts and 1,500 contacts (every third write reuses an account).
        let written = try await writer.run(["debug", "write-loop", "--count", "1500"])
        #expect(written.exitCode == 0, "\(written)")
        let pendingBefore = try await writer.object("status")
        let pending = try #require(pendingBefore["pending"] as? Int)
        #expect(pending == 3000)

        // Start the sync, kill the server while it runs, restart it on the same port.
        let port = server.port
        let sync = Process()
        sync.executableURL = BuiltExecutable.url("fieldbook")
        sync.arguments = ["sync", "--json"]
        sync.environment = ProcessInfo.processInfo.environment.merging(["FIELDBOOK_HOME": writer.home.path]) { $1 }
        sync.standardOutput = FileHandle.nullDevice
        sync.standardError = FileHandle.nullDevice
        try sync.run()
        try await Task.sleep(for: .milliseconds(Int.random(in: 150...600)))
        await server.kill()
        _ = try await offPool { sync.waitUntilExit() }
        try await server.start(port: port)

        // Retry until a sync succeeds; then nothing is pending.
        var summary: [String: Any] = [:]
        for _ in 0..<5 {
            let result = try await writer.run(["sync", "--json"])
            if result.exitCode == 0 { summary = try result.object(); break }
        }
        #expect(summary["rejected"] as? Int == 0, "\(summary)")
        let status = try await writer.object("status")
        #expect(status["pending"] as? Int == 0)

        // A fresh office notebook downloads exactly what was written, once.
        let reader = try await organization.client("eva")
        try await reader.sync()
        let accounts = try #require(try await reader.json("account", "list") as? [[String: Any]])
        let contacts = try #require(try await reader.json("contact", "list") as? [[String: Any]])
        let writtenAccounts = try #require(try await writer.json("account", "list") as? [[String: Any]])
        #expect(accounts.count == writtenAccounts.count)
        #expect(Set(accounts.compactMap { $0["id"] as? String }).count == accounts.count)
        #expect(contacts.count == 1500)
        #expect(try await writer.run(["debug", "check"]).exitCode == 0)
    }
}
