import Foundation
import Testing

@Suite("fieldbook sync")
struct SyncCommandTests {
    static let summaryKeys: Set<String> = [
        "pushed", "accepted", "rejected", "pulled", "snapshots", "evictions", "conflicts", "duplicates", "pages",
        "redownloaded", "keptAfterEviction", "removedByRedownload", "durationMs", "server",
    ]

    @Test func syncWithoutSigningInExplainsWhatToDo() throws {
        let cli = try CLIRunner()
        let result = try cli.run("sync")
        #expect(result.exitCode == 7)
        #expect(result.stderr.contains("not signed in") && result.stderr.contains("fieldbook login"))
    }

    @Test func aSessionPushesAndReportsAStableJSONSummary() throws {
        let server = try CannedServer.start()
        defer { server.stop() }
        let cli = try CLIRunner()
        #expect(try cli.login(server).exitCode == 0)
        _ = try cli.json("account", "add", "--name", "Müller GmbH")
        _ = try cli.json("account", "add", "--name", "Bauer KG")

        let summary = try #require(try cli.json("sync") as? [String: Any])
        #expect(Set(summary.keys) == Self.summaryKeys)
        #expect(summary["pushed"] as? Int == 2 && summary["accepted"] as? Int == 2 && summary["rejected"] as? Int == 0)
        #expect(summary["pulled"] as? Int == 0 && summary["pages"] as? Int == 1)
        #expect(summary["server"] as? String == server.baseURL.absoluteString)
        let syncRequests = server.requests.filter { $0.path.hasPrefix("/v1/sync/") }
        #expect(syncRequests.map(\.path) == ["/v1/sync/push", "/v1/sync/pull"])
        #expect(syncRequests.allSatisfy { $0.headers["authorization"] == "Bearer tok-1" })

        let status = try #require(try cli.json("status") as? [String: Any])
        #expect(status["pending"] as? Int == 0)
        #expect(status["lastSyncAt"] as? String != nil && status["lastSyncError"] is NSNull)

        let human = try cli.run("sync")
        #expect(human.exitCode == 0)
        #expect(human.stdout.contains("Pushed:") && human.stdout.contains("Conflicts:"))
        #expect(human.stderr.isEmpty, "no progress line when standard error is not a terminal")
    }

    @Test func serverAndTokenCanComeFromTheEnvironment() throws {
        let server = try CannedServer.start()
        defer { server.stop() }
        var cli = try CLIRunner()
        cli.environment["FIELDBOOK_SERVER"] = server.baseURL.absoluteString
        cli.environment["FIELDBOOK_TOKEN"] = CannedServer.token
        _ = try cli.json("account", "add", "--name", "Müller GmbH")
        let summary = try #require(try cli.json("sync") as? [String: Any])
        #expect(summary["pushed"] as? Int == 1)
        #expect(!FileManager.default.fileExists(atPath: cli.credentialsPath))
    }

    @Test func anUnreachableServerKeepsEverythingAndExitsWithTheOfflineCode() throws {
        let server = try CannedServer.start()
        server.stop()
        var cli = try CLIRunner()
        cli.environment["FIELDBOOK_SERVER"] = server.baseURL.absoluteString
        cli.environment["FIELDBOOK_TOKEN"] = CannedServer.token
        _ = try cli.json("account", "add", "--name", "Müller GmbH")
        let result = try cli.run("sync")
        #expect(result.exitCode == 6)
        #expect(result.stderr.contains("nothing was lost"))
        let status = try #require(try cli.json("status") as? [String: Any])
        #expect(status["pending"] as? Int == 1)
        #expect((status["lastSyncError"] as? String)?.contains("cannot reach") == true)
        #expect(try cli.run("status").stdout.contains("Last sync error:"))
    }

    @Test func aRefusedTokenAsksToSignInAgain() throws {
        let server = try CannedServer.start()
        defer { server.stop() }
        var cli = try CLIRunner()
        cli.environment["FIELDBOOK_SERVER"] = server.baseURL.absoluteString
        cli.environment["FIELDBOOK_TOKEN"] = "revoked"
        let result = try cli.run("sync")
        #expect(result.exitCode == 7)
        #expect(result.stderr.contains("fieldbook login"))
    }

    @Test func argumentsAndHelp() throws {
        let cli = try CLIRunner()
        #expect(try cli.run("sync", "--page-size", "0").exitCode == 64)
        let help = try cli.run("sync", "--help")
        #expect(help.stdout.contains("pushed, accepted, rejected") && help.stdout.contains("conflicts"))
        #expect(help.stdout.contains("Exit codes") && help.stdout.contains("FIELDBOOK_TOKEN"))
        let top = try cli.run("--help")
        #expect(top.stdout.contains("login") && top.stdout.contains("sync"))
    }
}
