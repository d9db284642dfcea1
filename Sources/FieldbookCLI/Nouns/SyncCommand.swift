import ArgumentParser
import FieldbookClient
import FieldbookProtocol
import Foundation

/// `fieldbook sync`: one sync session with the server this device signed in to.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Send local changes to the server and receive everyone else's.",
        discussion: """
            Pushes every change made on this device, then pulls what changed on the server until \
            this device is up to date. Changes the server refuses stay on the device, listed with \
            their reason by `fieldbook status`; fix them by editing again, or drop them with \
            `fieldbook status discard`. Conflicting edits are shown by `fieldbook conflicts list`.

            Uses the server and token stored by `fieldbook login`; FIELDBOOK_SERVER and \
            FIELDBOOK_TOKEN override them. A progress line is drawn on standard error when it is a \
            terminal.

            --json prints the summary with the keys pushed, accepted, rejected, pulled, snapshots, \
            evictions, conflicts (plus duplicates, pages, redownloaded, keptAfterEviction, \
            removedByRedownload, durationMs, server).

            Exit codes: 0 synced (even when some changes were rejected), 1 failure, \
            6 server unreachable or unavailable (nothing lost; try again later), \
            7 not signed in or the sign-in was refused (run `fieldbook login`).
            """
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("Most items to receive per page (1–10000).", valueName: "n"))
    var pageSize: Int = PullRequest.defaultLimit

    func validate() throws {
        guard (1...PullRequest.maxLimit).contains(pageSize) else {
            throw ValidationError("--page-size must be between 1 and \(PullRequest.maxLimit)")
        }
    }

    func run() async throws {
        let directory = CLIContext.dataDirectory(global)
        guard let credentials = try Credentials.load(from: CLIContext.dataDirectory(global)) else {
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            throw CLIError.notSignedIn
        }
        let url = try Credentials.serverURL(credentials.server)
        let context = try CLIContext.open(global)
        let engine = SyncEngine(
            database: context.database, transport: URLSessionSyncTransport(baseURL: url, token: credentials.token),
            configuration: .init(pullLimit: pageSize, serverURL: credentials.server)
        )
        let bar = SyncProgressBar()
        let summary: SyncSummary
        do {
            summary = try await engine.sync { bar.update($0) }
            bar.finish()
        } catch {
            bar.finish()
            throw CLIError(syncError: error)
        }
        let rejectedNow = try context.database.syncStatus().rejected.count
        context.emit(
            Self.json(summary, server: credentials.server),
            human: Self.text(summary, server: credentials.server, rejectedWaiting: rejectedNow)
        )
    }

    /// The `--json` summary; keys are stable.
    static func json(_ summary: SyncSummary, server: String) -> JSONValue {
        [
            "pushed": .int(Int64(summary.pushed)), "accepted": .int(Int64(summary.accepted)),
            "rejected": .int(Int64(summary.rejected)), "pulled": .int(Int64(summary.pulled)),
            "snapshots": .int(Int64(summary.snapshots)), "evictions": .int(Int64(summary.evictions)),
            "conflicts": .int(Int64(summary.conflicts)), "duplicates": .int(Int64(summary.duplicates)),
            "pages": .int(Int64(summary.pages)), "redownloaded": .bool(summary.redownloaded),
            "keptAfterEviction": .int(Int64(summary.keptAfterEviction)),
            "removedByRedownload": .int(Int64(summary.removedByRedownload)),
            "durationMs": .int(summary.duration.components.seconds * 1000 + summary.duration.components.attoseconds / 1_000_000_000_000_000),
            "server": .string(server),
        ]
    }

    /// The human summary table.
    static func text(_ summary: SyncSummary, server: String, rejectedWaiting: Int) -> String {
        let seconds = Double(summary.duration.components.seconds)
            + Double(summary.duration.components.attoseconds) / 1e18
        var pushed = "\(summary.pushed)"
        if summary.pushed > 0 { pushed += " (\(summary.accepted) accepted, \(summary.rejected) rejected)" }
        var pulled = "\(summary.pulled) changes, \(summary.snapshots) records in full"
        if summary.redownloaded { pulled += " (downloaded again: the server no longer had this device's position)" }
        var lines: [(String, String)] = [
            ("Server", server), ("Pushed", pushed), ("Pulled", pulled),
        ]
        var removed = "\(summary.evictions)"
        if summary.removedByRedownload > 0 { removed += ", \(summary.removedByRedownload) no longer on the server" }
        if summary.keptAfterEviction > 0 {
            removed += "; \(summary.keptAfterEviction) kept until their rejected changes are discarded"
        }
        lines.append(("Removed", removed))
        lines.append(("Conflicts", summary.conflicts == 0 ? "0" : "\(summary.conflicts) — see `fieldbook conflicts list`"))
        if rejectedWaiting > 0 {
            lines.append(("Rejected", "\(rejectedWaiting) waiting — see `fieldbook status`"))
        }
        lines.append(("Took", String(format: "%.1f s", seconds)))
        let width = lines.map(\.0.count).max() ?? 0
        return lines.map { $0.0 + ":" + String(repeating: " ", count: width - $0.0.count + 1) + $0.1 }
            .joined(separator: "\n")
    }
}
