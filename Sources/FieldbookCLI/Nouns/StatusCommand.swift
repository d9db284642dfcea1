import ArgumentParser
import FieldbookClient
import FieldbookModel
import FieldbookSync
import Foundation

/// `fieldbook status`: what waits to be synced, what the server refused,
/// and when the last sync ran; `fieldbook status discard` drops refused changes.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Sync state: pending and rejected changes, conflicts, last sync.",
        subcommands: [Overview.self, Discard.self],
        defaultSubcommand: Overview.self
    )

    struct Overview: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show the sync state (the default)."
        )
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let context = try CLIContext.open(global)
            let status = try context.database.syncStatus()
            let credentials = try? Credentials.load(from: CLIContext.dataDirectory(global))
            context.emit(
                StatusCommand.json(status, credentials: credentials),
                human: StatusCommand.text(status, context: context, credentials: credentials)
            )
        }
    }

    struct Discard: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Discard rejected changes, undoing their effect on this device.",
            discussion: """
                Each rejected change is undone where its value is still what a field shows; later \
                edits stay. Changes are discarded newest first. If a field's earlier value came from \
                the server, set the field yourself first (`fieldbook <noun> edit`), then discard.
                """
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Dots of rejected changes (from `fieldbook status`).") var dots: [String] = []
        @Flag(help: "Discard every rejected change.") var all = false

        func run() async throws {
            let context = try CLIContext.open(global)
            var targets: [Dot] = try dots.map { text in
                guard let dot = Dot(parsing: text) else {
                    throw CLIError("not a change dot: \(text.prefix(80)) (expected replica:counter)", exitCode: 2)
                }
                return dot
            }
            if all { targets += try context.database.outbox(.rejected).map(\.change.dot) }
            guard !targets.isEmpty else { throw CLIError("name rejected changes to discard, or give --all", exitCode: 2) }
            var results: [DiscardResult] = []
            for dot in Set(targets).sorted(by: { $0.counter > $1.counter }) {
                do {
                    results.append(try context.database.discardRejected(dot: dot))
                } catch let error as DiscardError {
                    if !results.isEmpty { StatusCommand.report(results, in: context) }
                    if case .notFound = error { throw CLIError(error.description, exitCode: 3) }
                    throw CLIError(error.description)
                }
            }
            StatusCommand.report(results, in: context)
        }
    }

    /// Prints what discarding did.
    static func report(_ results: [DiscardResult], in context: CLIContext) {
        context.emit(.array(results.map(json)), human: results.map(text).joined(separator: "\n"))
    }

    /// JSON for the overview; keys are stable.
    static func json(_ status: SyncStatus, credentials: Credentials? = nil) -> JSONValue {
        [
            "replica": .string(status.replicaID.rawValue), "dataDirectory": .string(directory(of: status)),
            "server": .optional(credentials?.server ?? status.serverURL), "signedInAs": .optional(credentials?.login),
            "heldEvictions": .int(Int64(status.heldEvictions)),
            "schemaVersion": .int(Int64(status.schemaVersion)),
            "lastSyncAt": .optional(status.lastSyncAt?.description), "lastSyncError": .optional(status.lastSyncError),
            "pending": .int(Int64(status.pendingCount)),
            "pendingByEntity": .object(status.pendingByEntity.mapValues { .int(Int64($0)) }),
            "conflicts": .int(Int64(status.openConflicts)),
            "rejected": .array(status.rejected.map(json)),
        ]
    }

    private static func json(_ entry: OutboxEntry) -> JSONValue {
        [
            "dot": .string(entry.change.dot.description), "entity": .string(entry.change.entity),
            "record": .string(entry.change.record), "fields": .array(fields(of: entry.change).map(JSONValue.string)),
            "code": .optional(entry.code), "reason": .optional(entry.reason), "createdAt": .string(entry.createdAt),
        ]
    }

    private static func json(_ result: DiscardResult) -> JSONValue {
        [
            "dot": .string(result.discarded.dot.description), "entity": .string(result.discarded.entity),
            "record": .string(result.discarded.record),
            "restored": .array(Set(result.restored.map(fieldName)).sorted().map(JSONValue.string)),
            "removedRecord": .bool(result.removedRecord),
            "compensation": .optional(result.compensation?.dot.description),
        ]
    }

    /// The human overview.
    static func text(_ status: SyncStatus, context: CLIContext, credentials: Credentials? = nil) -> String {
        let lastSync = status.lastSyncAt.map { DateInput.localText(of: $0, in: context.timeZone) } ?? "never"
        var pending = "\(status.pendingCount)"
        if status.pendingCount > 0 {
            pending += " (" + status.pendingByEntity.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
                .joined(separator: ", ") + ")"
        }
        var lines: [(String, String)] = [
            ("Replica", status.replicaID.rawValue), ("Data directory", directory(of: status)),
            ("Schema version", "\(status.schemaVersion)"),
        ]
        if let server = credentials?.server ?? status.serverURL {
            let who = credentials?.login.map { " (signed in as \($0))" } ?? (credentials == nil ? " (signed out)" : "")
            lines.append(("Server", server + who))
        } else {
            lines.append(("Server", "none — sign in with `fieldbook login --server URL --user NAME`"))
        }
        lines.append(("Last sync", lastSync))
        if let error = status.lastSyncError { lines.append(("Last sync error", error)) }
        lines.append(("Pending changes", pending))
        let conflicts = status.openConflicts == 0 ? "0" : "\(status.openConflicts) — see `fieldbook conflicts list`"
        lines.append(("Open conflicts", conflicts))
        lines.append(("Rejected changes", "\(status.rejected.count)"))
        if status.heldEvictions > 0 {
            lines.append(("Kept after leaving scope", "\(status.heldEvictions) (removed once their rejected changes are discarded)"))
        }
        let width = lines.map(\.0.count).max() ?? 0
        var text = lines.map { $0.0 + ":" + String(repeating: " ", count: width - $0.0.count + 1) + $0.1 }
            .joined(separator: "\n")
        if !status.rejected.isEmpty {
            let table = TextTable(
                headers: ["DOT", "ENTITY", "RECORD", "FIELDS", "CODE", "REASON", "MADE"],
                rows: status.rejected.map { entry in
                    [
                        entry.change.dot.description, entry.change.entity, entry.change.record,
                        fields(of: entry.change).joined(separator: ", "), entry.code ?? "", entry.reason ?? "",
                        UTCDateTime(parsing: entry.createdAt).map { DateInput.localText(of: $0, in: context.timeZone) }
                            ?? entry.createdAt,
                    ]
                }
            )
            text += "\n\n" + table.render(maxCellWidth: 60)
                + "\n\nFix a rejected change by editing the record again, or drop it: fieldbook status discard <dot>"
        }
        return text
    }

    private static func text(_ result: DiscardResult) -> String {
        let change = result.discarded
        let what: String
        if result.removedRecord {
            what = "removed the \(change.entity), which only this device had"
        } else if result.restored.isEmpty {
            what = "later edits stand"
        } else {
            what = "restored " + Set(result.restored.map(fieldName)).sorted().joined(separator: ", ")
        }
        return "Discarded \(change.dot) (\(change.entity) \(change.record)): \(what)."
    }

    /// The fields a change wrote, `deleted` for the delete marker.
    static func fields(of change: Change) -> [String] {
        Set(change.ops.map { fieldName($0.slot) }).sorted()
    }

    /// The field of a slot, `deleted` for the delete marker.
    static func fieldName(_ slot: Slot) -> String { slot == .deleted ? "deleted" : slot.field }

    /// The data directory: where the replica file lives.
    static func directory(of status: SyncStatus) -> String {
        (status.databasePath as NSString).deletingLastPathComponent
    }
}
