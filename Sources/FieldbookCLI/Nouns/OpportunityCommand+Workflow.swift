import ArgumentParser
import FieldbookClient
import FieldbookModel
import FieldbookSync

extension OpportunityCommand {
    /// `fieldbook opportunity phase ID PHASE`.
    struct Phase: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move an open opportunity to a phase of its pipeline (kept in its history).",
            discussion: """
                PHASE is a phase ID, name or unique prefix (see `fieldbook pipeline show`). The \
                probability follows the phase. Every change is a history entry of its own, so \
                changes made on several devices offline all stay in the history.
                """
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Opportunity ID.") var id: String
        @Argument(help: "The new phase.") var phase: String
        @Option(help: "A remark kept with the history entry.") var note: String?
        @Option(help: "Who changes it (user ID), recorded in the history.") var user: String?

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            _ = try support.require("opportunity", id)
            support.show(try support.context.database.changePhase(ofOpportunity: id, to: phase, note: note, user: user))
        }
    }

    /// `fieldbook opportunity close ID OUTCOME --reason TEXT`.
    struct Close: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Close an open opportunity as won, lost or cancelled; a reason is mandatory.",
            discussion: "Won is final. The close date defaults to today."
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Opportunity ID.") var id: String
        @Argument(help: "won, lost or cancelled.") var outcome: String
        @Option(help: "Why it was won, lost or cancelled (required).") var reason: String?
        @Option(help: "Close date (default: today).") var date: String?
        @Option(help: "Who closes it (user ID), recorded in the history.") var user: String?

        func run() async throws {
            guard OpportunityCommand.closed.contains(outcome.lowercased()) else {
                throw CLIError("outcome must be won, lost or cancelled, got \(outcome.prefix(20))", exitCode: 2)
            }
            let support = RecordCommandSupport(context: try .open(global))
            _ = try support.require("opportunity", id)
            var day = support.context.today
            if let date, let field = try support.context.database.schema("opportunity").field("closeDate") {
                day = try support.input.value(date, for: field).date ?? day
            }
            let closed = try support.context.database.closeOpportunity(
                id, as: Opportunity.Status(rawValue: outcome.lowercased()), reason: reason ?? "", on: day, user: user
            )
            support.show(closed)
        }
    }

    /// `fieldbook opportunity history ID`.
    struct History: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Phase changes and closing of an opportunity, oldest first.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Opportunity ID.") var id: String

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            _ = try support.require("opportunity", id)
            let entries = try support.context.database.history(ofOpportunity: id)
            let json = JSONValue.array(
                entries.map { entry in
                    [
                        "activity": .string(entry.activity), "kind": .string(entry.kind.rawValue),
                        "at": .optional(entry.at?.description), "from": .optional(entry.from), "to": .optional(entry.to),
                        "subject": .string(entry.subject), "user": .optional(entry.owner),
                    ]
                }
            )
            let table = TextTable(
                headers: ["AT", "KIND", "FROM", "TO", "SUBJECT"],
                rows: entries.map { [$0.at?.description ?? "", $0.kind.rawValue, $0.from ?? "", $0.to ?? "", $0.subject] }
            )
            support.context.emit(json, human: entries.isEmpty ? "No history." : table.render())
        }
    }
}
