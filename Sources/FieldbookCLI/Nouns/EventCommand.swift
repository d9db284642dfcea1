import ArgumentParser
import FieldbookClient
import FieldbookModel
import FieldbookSync

/// `fieldbook event …`: trade fairs and customer events. Events are
/// reference data planned by the office (`add` and `edit` are refused on a
/// rep's device, exit code 4); invitations, registrations, attendance and
/// leads from the event are customer data every rep records offline.
struct EventCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "event",
        abstract: "Trade fairs and events: invitations, registrations, attendance, leads from the event.",
        subcommands: [
            Add.self, List.self, Show.self, Edit.self, DeleteRecord<EventCommand>.self, Invite.self, Register.self,
            Attend.self, Lead.self,
        ]
    )

    /// Options shared by `add` and `edit`.
    struct Fields: ParsableArguments {
        @Option(help: "Name (required).") var name: String?
        @Option(help: "trade_fair, customer_event, seminar, webinar or other.") var kind: String?
        @Option(help: "Where.") var location: String?
        @Option(help: "Booth, e.g. H7 C12.") var booth: String?
        @Option(help: "First day (required).") var start: String?
        @Option(help: "Last day.") var end: String?
        @Option(help: "Campaign ID the event belongs to.") var campaign: String?
        @Option(help: "Budget, e.g. 12000.00.") var budget: String?
        @Option(help: "Description.") var description: String?
        @Option(help: "Set any other field: field=value (repeatable).") var set: [String] = []

        var values: [String: String] {
            get throws {
                var values = try RecordCommandSupport.assignments(set)
                let named: [(String, String?)] = [
                    ("name", name), ("kind", kind), ("location", location), ("booth", booth), ("startDate", start),
                    ("endDate", end), ("campaign", campaign), ("budget", budget), ("description", description),
                ]
                for (field, value) in named { if let value { values[field] = value } }
                return values
            }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an event (office and admin users only).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var fields: Fields

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            support.show(try support.create("event", values: try fields.values))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List events by kind or text, by start date.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only events whose text fields contain this.") var search: String?
        @Option(help: "Only events of this kind.") var kind: String?

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            var filter = try ListFilter("event", support: support)
            try filter.equals("kind", kind)
            let events = filter.apply(try support.list("event", search: search, sortField: "startDate"))
            support.showList(events, columns: ["name", "kind", "location", "startDate", "endDate"], empty: "No events.")
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show an event with its registrations and leads.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Event ID.") var id: String

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            let event = try support.require("event", id)
            let database = support.context.database
            let registrations = try database.eventRegistrations(id)
            let leads = try database.eventLeads(id)
            let presenter = support.presenter
            let json: JSONValue = [
                "event": presenter.json(event), "registrations": .array(registrations.map(presenter.json)),
                "leads": .array(leads.map(presenter.json)),
            ]
            let registrationTable = TextTable(
                headers: ["REGISTRATION", "CONTACT", "STATUS", "LEAD"],
                rows: registrations.map { record in
                    [record.id] + ["contact", "status", "resultingLead"].map { record.value($0)?.text ?? "" }
                }
            )
            let leadTable = TextTable(
                headers: ["LEAD", "COMPANY", "NAME", "STATUS", "OWNER"],
                rows: leads.map { record in
                    [record.id] + ["companyName", "lastName", "status", "owner"].map { record.value($0)?.text ?? "" }
                }
            )
            let human = [
                presenter.details(event),
                registrations.isEmpty ? "No registrations." : "Registrations:\n" + registrationTable.render(),
                leads.isEmpty ? "No leads." : "Leads:\n" + leadTable.render(),
            ].joined(separator: "\n\n")
            support.context.emit(json, human: human)
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change fields of an event (office and admin users only).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Event ID.") var id: String
        @OptionGroup var fields: Fields

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            support.show(try support.update("event", id: id, values: try fields.values))
        }
    }
}

extension EventCommand: RecordNoun {
    static let entity = "event"
    static let noun = "event"
}
