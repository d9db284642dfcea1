import ArgumentParser
import FieldbookClient
import FieldbookModel
import FieldbookSync

extension TicketCommand {
    /// Prints a ticket with its handling time (`handlingTime` and
    /// `handlingSeconds` in JSON), plus an optional note.
    static func showWithHandlingTime(_ ticket: RecordState, support: RecordCommandSupport, note: String? = nil) {
        var json = support.presenter.json(ticket)
        var human = support.presenter.details(ticket)
        if let time = TicketHandlingTime(of: ticket, now: support.context.now) {
            if case .object(var members) = json {
                members["handlingTime"] = .string(time.text)
                members["handlingSeconds"] = .int(time.seconds)
                json = .object(members)
            }
            human += "\nhandling time: \(time.text)" + (time.closedAt == nil ? " (still open)" : "")
        }
        support.context.emit(json, human: ([note].compactMap { $0 } + [human]).joined(separator: "\n"))
    }

    /// `fieldbook ticket show ID`: the ticket, its handling time and follow-ups.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one ticket with its handling time.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Ticket ID.") var id: String

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            let ticket = try support.require("ticket", id)
            let followUps = try support.context.database.ticketActivities(id)
            let note = followUps.isEmpty ? nil : "follow-ups: " + followUps.map(\.id).joined(separator: ", ")
            TicketCommand.showWithHandlingTime(ticket, support: support, note: note)
        }
    }

    /// `fieldbook ticket start|wait|resolve|close|reopen ID`: one workflow step.
    struct Step: ParsableArguments {
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Ticket ID.") var id: String
        @Option(help: "rejection, advice, exchange or return (needed to resolve or close).") var measure: String?
        @Option(help: "How it was resolved.") var resolution: String?

        func move(_ step: TicketStep) throws {
            let support = RecordCommandSupport(context: try .open(global))
            _ = try support.require("ticket", id)
            let moved = try CLIError.mappingServiceErrors {
                try support.context.database.moveTicket(
                    id, step, measure: measure?.lowercased(), resolution: resolution, at: support.context.now
                )
            }
            TicketCommand.showWithHandlingTime(moved, support: support)
        }
    }

    struct Start: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Start working on a ticket (new or waiting → in_progress).")
        @OptionGroup var step: Step
        func run() async throws { try step.move(.start) }
    }

    struct Wait: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Wait for the customer or a supplier (→ waiting).")
        @OptionGroup var step: Step
        func run() async throws { try step.move(.wait) }
    }

    struct Resolve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Resolve a ticket in progress or waiting; needs --measure unless it has one."
        )
        @OptionGroup var step: Step
        func run() async throws { try step.move(.resolve) }
    }

    struct Close: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Close a resolved ticket; records the closing time and shows the handling time."
        )
        @OptionGroup var step: Step
        func run() async throws { try step.move(.close) }
    }

    struct Reopen: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reopen a resolved or closed ticket (→ in_progress; the closing time is cleared)."
        )
        @OptionGroup var step: Step
        func run() async throws { try step.move(.reopen) }
    }

    /// `fieldbook ticket follow-up ID --subject … --due …`.
    struct FollowUp: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "follow-up",
            abstract: "Add a follow-up task linked to the ticket (and its account and contact).",
            discussion: "The task goes to --assignee, else the ticket's assignee; it shows in `fieldbook today`."
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Ticket ID.") var id: String
        @Option(help: "What to do (required).") var subject: String
        @Option(help: "Due date, e.g. friday or 2026-11-30 (default: today).") var due: String?
        @Option(help: "Who should do it (user ID; default: the ticket's assignee).") var assignee: String?
        @Option(help: "Details.") var description: String?

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            _ = try support.require("ticket", id)
            var dueDate = support.context.today
            if let due, let field = try support.context.database.schema("activity").field("dueDate") {
                guard let parsed = try support.input.value(due, for: field).date else {
                    throw CLIError("--due: not a date: \(due)", exitCode: 2)
                }
                dueDate = parsed
            }
            let task = try CLIError.mappingServiceErrors {
                try support.context.database.addTicketFollowUp(
                    id, subject: subject, due: dueDate, assignee: assignee, description: description
                )
            }
            support.show(task)
        }
    }
}
