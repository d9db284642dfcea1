import ArgumentParser
import FieldbookClient
import FieldbookModel
import FieldbookSync

/// `fieldbook ticket …`: service tickets (complaints).
struct TicketCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ticket",
        abstract: "Service tickets (complaints): category, status, measure.",
        discussion: """
            Status: new → in_progress ⇄ waiting → resolved → closed (resolved and closed \
            tickets may be reopened as in_progress). Resolving or closing needs a --measure; \
            closing sets the closing time to now unless --closed is given.
            """,
        subcommands: [
            Add.self, List.self, Show.self, Edit.self, DeleteRecord<TicketCommand>.self, Start.self, Wait.self,
            Resolve.self, Close.self, Reopen.self, FollowUp.self,
        ]
    )

    /// `--status open` in lists: every status before resolved.
    static let statusAliases = ["open": ["new", "in_progress", "waiting"]]

    /// Options shared by `add` and `edit`.
    struct Fields: ParsableArguments {
        @Option(help: "Subject (required).") var subject: String?
        @Option(help: "What happened.") var description: String?
        @Option(help: "Account ID (required).") var account: String?
        @Option(help: "Contact ID.") var contact: String?
        @Option(help: "Product ID.") var product: String?
        @Option(help: "ERP order number concerned.") var orderNumber: String?
        @Option(help: "quality, delivery, billing, damage, wrong_item or other (required).") var category: String?
        @Option(help: "low, normal, high or urgent.") var priority: String?
        @Option(help: "new (default), in_progress, waiting, resolved or closed.") var status: String?
        @Option(help: "rejection, advice, exchange or return (required to resolve).") var measure: String?
        @Option(help: "Assigned user (user ID).") var assignee: String?
        @Option(help: "When it was reported (default: now).") var opened: String?
        @Option(help: "When it was closed (default when closing: now).") var closed: String?
        @Option(help: "How it was resolved.") var resolution: String?
        @Option(help: "Ticket number.") var number: String?
        @Option(help: "Set any other field: field=value (repeatable).") var set: [String] = []

        var values: [String: String] {
            get throws {
                var values = try RecordCommandSupport.assignments(set)
                let named: [(String, String?)] = [
                    ("subject", subject), ("description", description), ("account", account), ("contact", contact),
                    ("product", product), ("orderNumber", orderNumber), ("category", category),
                    ("priority", priority), ("status", status), ("measure", measure), ("assignee", assignee),
                    ("openedAt", opened), ("closedAt", closed), ("resolution", resolution), ("number", number),
                ]
                for (field, value) in named { if let value { values[field] = value } }
                return values
            }
        }
    }

    /// Fills in the closing time when `values` close the ticket without one.
    static func defaultClosedAt(
        _ values: inout [String: String], support: RecordCommandSupport, record: RecordState?
    ) throws {
        guard let status = values["status"], let field = try support.context.database.schema("ticket").field("status"),
            try support.input.value(status, for: field) == "closed"
        else { return }
        RecordCommandSupport.defaulting(&values, "closedAt", to: support.context.now.description, unlessIn: record)
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Open a ticket (status new, opened now).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var fields: Fields

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            var values = try fields.values
            RecordCommandSupport.defaulting(&values, "status", to: "new")
            RecordCommandSupport.defaulting(&values, "openedAt", to: support.context.now.description)
            try TicketCommand.defaultClosedAt(&values, support: support, record: nil)
            support.show(try support.create("ticket", values: values))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tickets by account, status, priority or text.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only tickets whose text fields contain this (case and accents ignored).") var search: String?
        @Option(help: "Only tickets of this account (ID).") var account: String?
        @Option(help: "Only these statuses, comma-separated (open = new, in_progress and waiting).") var status: String?
        @Option(help: "Only tickets of this priority.") var priority: String?
        @Option(help: "Only tickets of this category.") var category: String?
        @Option(help: "Only tickets assigned to this user (ID).") var assignee: String?

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            var filter = try ListFilter("ticket", support: support)
            try filter.equals("account", account)
            try filter.equals("status", status, aliases: TicketCommand.statusAliases)
            try filter.equals("priority", priority)
            try filter.equals("category", category)
            try filter.equals("assignee", assignee)
            let tickets = filter.apply(try support.list("ticket", search: search, sortField: "openedAt"))
            support.showList(
                tickets, columns: ["subject", "account", "category", "status", "priority", "openedAt"], empty: "No tickets."
            )
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change fields of a ticket, e.g. move its status on.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Ticket ID.") var id: String
        @OptionGroup var fields: Fields

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            let record = try support.require("ticket", id)
            var values = try fields.values
            try TicketCommand.defaultClosedAt(&values, support: support, record: record)
            support.show(try support.update("ticket", id: id, values: values))
        }
    }

}

extension TicketCommand: RecordNoun {
    static let entity = "ticket"
    static let noun = "ticket"
}
