import ArgumentParser
import FieldbookClient
import Foundation

/// `fieldbook lead …`: inquiries to qualify, disqualify and convert.
struct LeadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lead",
        abstract: "Inquiries: qualify them, then convert them to account, contact and opportunity.",
        discussion: """
            Every open lead (new or in_progress) needs an owner and a follow-up date; \
            disqualifying a lead needs a reason. `convert` turns a lead into an account (new or \
            existing), a contact and an opportunity in one step.
            """,
        subcommands: [
            Add.self, List.self, ShowRecord<LeadCommand>.self, Edit.self, Qualify.self, Disqualify.self, Suggest.self,
            Convert.self, DeleteRecord<LeadCommand>.self,
        ]
    )

    /// `--status open` in lists: every status that still needs work.
    static let statusAliases = ["open": ["new", "in_progress"]]

    /// Options shared by `add` and `edit`.
    struct Fields: ParsableArguments {
        @Option(help: "Company name as given.") var company: String?
        @Option(help: "First name.") var firstName: String?
        @Option(help: "Last name.") var lastName: String?
        @Option(help: "E-mail address.") var email: String?
        @Option(help: "Phone number.") var phone: String?
        @Option(help: "Street and number.") var street: String?
        @Option(help: "Postal code.") var postalCode: String?
        @Option(help: "City.") var city: String?
        @Option(help: "Country code, e.g. DE.") var country: String?
        @Option(help: "trade-fair, website, cold-call, referral, campaign or other.") var source: String?
        @Option(help: "Campaign ID the lead came from.") var campaign: String?
        @Option(help: "What the inquiry is about.") var description: String?
        @Option(help: "new (default), in_progress, qualified or disqualified.") var status: String?
        @Option(help: "Why the lead was disqualified (required when disqualified).") var disqualifyReason: String?
        @Option(help: "Owning rep (user ID; required while open).") var owner: String?
        @Option(help: "Next follow-up date (required while open), e.g. friday.") var followUp: String?
        @Option(help: "Set any other field: field=value (repeatable).") var set: [String] = []

        var values: [String: String] {
            get throws {
                var values = try RecordCommandSupport.assignments(set)
                let named: [(String, String?)] = [
                    ("companyName", company), ("firstName", firstName), ("lastName", lastName), ("email", email),
                    ("phone", phone), ("street", street), ("postalCode", postalCode), ("city", city),
                    ("country", country), ("source", source?.replacingOccurrences(of: "-", with: "_")), ("campaign", campaign), ("description", description),
                    ("status", status), ("disqualifyReason", disqualifyReason), ("owner", owner),
                    ("followUpDate", followUp),
                ]
                for (field, value) in named { if let value { values[field] = value } }
                return values
            }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a new inquiry (status new).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var fields: Fields

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            var values = try fields.values
            RecordCommandSupport.defaulting(&values, "status", to: "new")
            support.show(try support.create("lead", values: values))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List leads, optionally by status, owner or text.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only leads whose text fields contain this (case and accents ignored).") var search: String?
        @Option(help: "Only leads in these statuses (comma-separated; open = new and in_progress).") var status: String?
        @Option(help: "Only leads owned by this user (ID).") var owner: String?
        @Option(help: "Only leads from this source.") var source: String?
        @Option(help: "Only leads from this campaign (ID).") var campaign: String?

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            var filter = try ListFilter("lead", support: support)
            try filter.equals("status", status, aliases: LeadCommand.statusAliases)
            try filter.equals("owner", owner)
            try filter.equals("source", source)
            try filter.equals("campaign", campaign)
            let leads = filter.apply(try support.list("lead", search: search, sortField: "followUpDate"))
            support.showList(
                leads, columns: ["companyName", "lastName", "status", "source", "followUpDate", "owner"], empty: "No leads."
            )
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change fields of a lead, e.g. its status.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Lead ID.") var id: String
        @OptionGroup var fields: Fields

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            support.show(try support.update("lead", id: id, values: try fields.values))
        }
    }

}

extension LeadCommand: RecordNoun {
    static let entity = "lead"
    static let noun = "lead"
}
