import ArgumentParser
import FieldbookClient
import FieldbookModel
import FieldbookSync
import Foundation

/// `fieldbook visit …`: visit reports — who was met, topics, outcome, next
/// steps and gifts. `visit add --from-appointment` turns an appointment into
/// its report; doing it again (or on another device) yields the same report.
struct VisitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "visit",
        abstract: "Visit reports: participants, topics, outcome, next steps, gifts.",
        subcommands: [Add.self, List.self, ShowRecord<VisitCommand>.self, Edit.self, DeleteRecord<VisitCommand>.self]
    )

    /// Options shared by `add` and `edit`.
    struct Fields: ParsableArguments {
        @Option(help: "Account ID.") var account: String?
        @Option(help: "Main contact ID.") var contact: String?
        @Option(help: "Visit date (default for add: today, or the appointment's day).") var date: String?
        @Option(help: "Author (user ID).") var author: String?
        @Option(help: "Add a topic (repeatable).") var topic: [String] = []
        @Option(help: "Add a participant (contact ID, repeatable).") var participant: [String] = []
        @Option(help: "Add an internal participant (user ID, repeatable).") var colleague: [String] = []
        @Option(help: "What came out of it.") var outcome: String?
        @Option(help: "What happens next.") var nextSteps: String?
        @Option(help: "Record a gift handed over: 'description' or 'description=value' (repeatable).")
        var gift: [String] = []
        @Option(help: "Set any other field: field=value (repeatable).") var set: [String] = []

        var values: [String: String] {
            get throws {
                var values = try RecordCommandSupport.assignments(set)
                let named: [(String, String?)] = [
                    ("account", account), ("contact", contact), ("visitDate", date), ("author", author),
                    ("outcome", outcome), ("nextSteps", nextSteps),
                ]
                for (field, value) in named { if let value { values[field] = value } }
                return values
            }
        }

        var elements: [String: [String]] {
            ["topics": topic, "participants": participant, "internalParticipants": colleague].filter {
                !$0.value.isEmpty
            }
        }

        /// Gifts as description and optional value (`Wine=24.90`; a decimal comma works too).
        func gifts() throws -> [(description: String, value: DecimalNumber?)] {
            try gift.map { text in
                guard let equals = text.lastIndex(of: "=") else { return (text, nil) }
                let amount = String(text[text.index(after: equals)...]).replacingOccurrences(of: ",", with: ".")
                guard let value = try? DecimalNumber(parsing: amount).rounded(toScale: 2) else {
                    throw CLIError("--gift: expected 'description=value' with a value such as 24.90", exitCode: 2)
                }
                return (String(text[..<equals]), value)
            }
        }

        /// Writes values, set elements and gifts.
        func apply(to builder: inout ChangeBuilder, _ support: RecordCommandSupport, removing: [String: [String]] = [:])
            throws
        {
            try support.apply(try values, adding: elements, removing: removing, entity: "visit_report", to: &builder)
            for gift in try gifts() { try builder.addGift(gift.description, value: gift.value) }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a visit report, from an appointment or on its own.",
            discussion: """
                With --from-appointment the report takes the appointment's account, contact, day and \
                participants, and the appointment is marked held. Its ID is derived from the appointment, \
                so running it twice, or on two devices, gives one report.
                """
        )
        @OptionGroup var global: GlobalOptions
        @Option(help: "Appointment ID to report on.") var fromAppointment: String?
        @OptionGroup var fields: Fields

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            let report: RecordState
            if let appointment = fromAppointment {
                _ = try support.require("appointment", appointment)
                report = try support.context.database.createVisitReport(
                    fromAppointment: appointment, timeZone: support.context.timeZone
                ) { builder in try fields.apply(to: &builder, support) }
            } else {
                report = try support.context.database.edit("visit_report", ClientDatabase.newRecordID()) { builder in
                    try fields.apply(to: &builder, support)
                    if try fields.values["visitDate"] == nil {
                        builder.set("visitDate", to: support.context.today.value)
                    }
                }
            }
            support.show(report)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List visit reports, newest first.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this account's reports.") var account: String?

        func run() async throws {
            let context = try CLIContext.open(global)
            let support = RecordCommandSupport(context: context)
            let reports = try support.list("visit_report", sortField: "visitDate").reversed()
                .filter { account == nil || $0.value("account")?.text == account }
            let tables = RecordTables(context: context)
            tables.show(
                Array(reports),
                [
                    tables.id, tables.field("visitDate", "DATE"), tables.reference("account"),
                    tables.reference("contact"),
                    tables.field("outcome"),
                ],
                empty: "No visit reports."
            )
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a visit report.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Visit report ID.") var id: String
        @OptionGroup var fields: Fields
        @Option(help: "Remove a topic (repeatable).") var removeTopic: [String] = []
        @Option(help: "Remove a participant (repeatable).") var removeParticipant: [String] = []
        @Option(help: "Remove a gift by its item ID (see show --json; repeatable).") var removeGift: [String] = []

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            let current = try support.require("visit_report", id)
            let gifts = Set(current.items(of: "gifts").map(\.id))
            for item in removeGift where !gifts.contains(item) {
                throw CLIError("visit report \(id) has no gift \(item)", exitCode: 3)
            }
            let removing = ["topics": removeTopic, "participants": removeParticipant].filter { !$0.value.isEmpty }
            let report = try support.context.database.edit("visit_report", id) { builder in
                try fields.apply(to: &builder, support, removing: removing)
                for item in removeGift { builder.removeItem(item, from: "gifts") }
            }
            support.show(report)
        }
    }

}

extension VisitCommand: RecordNoun {
    static let entity = "visit_report"
    static let noun = "visit report"
}
