import ArgumentParser
import FieldbookClient
import FieldbookModel

/// `fieldbook activity …`: history — calls, visits, letters, e-mails and
/// notes logged on an account (and optionally a contact, opportunity,
/// ticket or campaign). Tasks have their own noun, `fieldbook task`.
struct ActivityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "activity",
        abstract: "History: calls, visits, letters, e-mails, notes.",
        subcommands: [Add.self, List.self, ShowRecord<ActivityCommand>.self, Edit.self, DeleteRecord<ActivityCommand>.self]
    )

    /// Options shared by `add` and `edit`.
    struct Fields: ParsableArguments {
        @Option(help: "call, visit, letter, email or note.") var kind: String?
        @Option(help: "Short description.") var subject: String?
        @Option(help: "Longer text.") var description: String?
        @Option(help: "Account ID.") var account: String?
        @Option(help: "Contact ID.") var contact: String?
        @Option(help: "Opportunity ID.") var opportunity: String?
        @Option(help: "Ticket ID.") var ticket: String?
        @Option(help: "Campaign ID.") var campaign: String?
        @Option(help: "inbound or outbound.") var direction: String?
        @Option(help: "When it happened (default for add: now), e.g. 'today 9:30'.") var at: String?
        @Option(help: "How long, e.g. 30m, 1h15.") var duration: String?
        @Option(help: "Owning user ID.") var owner: String?
        @Option(help: "Set any other field: field=value (repeatable).") var set: [String] = []

        func values(_ context: CLIContext) throws -> [String: String] {
            var values = try RecordCommandSupport.assignments(set)
            let named: [(String, String?)] = [
                ("kind", kind), ("subject", subject), ("description", description), ("account", account),
                ("contact", contact), ("opportunity", opportunity), ("ticket", ticket), ("campaign", campaign),
                ("direction", direction), ("owner", owner),
            ]
            for (field, value) in named { if let value { values[field] = value } }
            if let at {
                values["occurredAt"] = try AppointmentTimes.instant(at, option: "at", context: context).description
            }
            if let duration {
                guard let minutes = AppointmentTimes.minutes(duration) else {
                    throw CLIError("--duration: expected minutes such as 30m, 90 or 1h15", exitCode: 2)
                }
                values["durationMinutes"] = String(minutes)
            }
            if let kind = values["kind"]?.lowercased(), !kind.isEmpty, "task".hasPrefix(kind) {
                throw CLIError("tasks are managed with `fieldbook task`", exitCode: 2)
            }
            return values
        }
    }

    /// Columns of activity lists.
    static func columns(_ tables: RecordTables) -> [RecordTables.Column] {
        [
            tables.id, tables.field("occurredAt", "WHEN"), tables.field("kind"), tables.field("subject"),
            tables.reference("account"), tables.reference("contact"),
        ]
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Log a call, visit, letter, e-mail or note.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var fields: Fields

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            var values = try fields.values(support.context)
            if values["occurredAt"] == nil { values["occurredAt"] = support.context.now.description }
            support.show(try support.create("activity", values: values))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List history, newest first.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this account's history.") var account: String?
        @Option(help: "Only history with this contact.") var contact: String?
        @Option(help: "Only this kind: call, visit, letter, email, note.") var kind: String?
        @Option(help: "At most this many entries.") var limit: Int?

        func run() async throws {
            let context = try CLIContext.open(global)
            let history = try context.database.history(account: account, contact: contact, kind: kind, limit: limit)
            let tables = RecordTables(context: context)
            tables.show(history, ActivityCommand.columns(tables), empty: "No activities.")
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change fields of an activity.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Activity ID.") var id: String
        @OptionGroup var fields: Fields

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            support.show(try support.update("activity", id: id, values: try fields.values(support.context)))
        }
    }

}

extension ActivityCommand: RecordNoun {
    static let entity = "activity"
    static let noun = "activity"
}
