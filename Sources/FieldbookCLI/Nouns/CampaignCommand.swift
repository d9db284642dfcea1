import ArgumentParser
import FieldbookClient

/// `fieldbook campaign …`: marketing campaigns. Reference data planned by
/// the office: reps read campaigns (to link leads to them); `add`, `edit`
/// and `delete` are refused on a rep's device (exit code 4). `target`,
/// `preview`, `send`, `member` and `respond` run the campaign
/// (campaign members are customer data, so reps may send).
struct CampaignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "campaign",
        abstract: "Marketing campaigns (planned by the office; read-only for reps).",
        subcommands: [
            Add.self, List.self, ShowRecord<CampaignCommand>.self, Edit.self, DeleteRecord<CampaignCommand>.self,
            Target.self, Preview.self, Send.self, Member.self, Respond.self,
        ]
    )

    /// Options shared by `add` and `edit`.
    struct Fields: ParsableArguments {
        @Option(help: "Name (required).") var name: String?
        @Option(help: "Goal.") var goal: String?
        @Option(help: "letter, email, call, event or mixed.") var channel: String?
        @Option(help: "planned, active, completed or cancelled.") var status: String?
        @Option(help: "Start date.") var start: String?
        @Option(help: "End date.") var end: String?
        @Option(help: "Budget, e.g. 5000.00.") var budget: String?
        @Option(help: "Actual cost so far.") var actualCost: String?
        @Option(help: "Expected revenue.") var expectedRevenue: String?
        @Option(help: "Target group criteria.") var targetCriteria: String?
        @Option(help: "Owner (user ID).") var owner: String?
        @Option(help: "Set any other field: field=value (repeatable).") var set: [String] = []

        var values: [String: String] {
            get throws {
                var values = try RecordCommandSupport.assignments(set)
                let named: [(String, String?)] = [
                    ("name", name), ("goal", goal), ("channel", channel), ("status", status), ("startDate", start),
                    ("endDate", end), ("budget", budget), ("actualCost", actualCost),
                    ("expectedRevenue", expectedRevenue), ("targetCriteria", targetCriteria), ("owner", owner),
                ]
                for (field, value) in named { if let value { values[field] = value } }
                return values
            }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a campaign (office and admin users only).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var fields: Fields

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            support.show(try support.create("campaign", values: try fields.values))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List campaigns by status, channel or text.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only campaigns whose text fields contain this (case and accents ignored).") var search: String?
        @Option(help: "Only these statuses, comma-separated: planned, active, completed, cancelled.") var status: String?
        @Option(help: "Only campaigns on this channel.") var channel: String?

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            var filter = try ListFilter("campaign", support: support)
            try filter.equals("status", status)
            try filter.equals("channel", channel)
            let campaigns = filter.apply(try support.list("campaign", search: search, sortField: "startDate"))
            support.showList(
                campaigns, columns: ["name", "channel", "status", "startDate", "endDate", "budget"], empty: "No campaigns."
            )
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change fields of a campaign (office and admin users only)."
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Campaign ID.") var id: String
        @OptionGroup var fields: Fields

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            support.show(try support.update("campaign", id: id, values: try fields.values))
        }
    }

}

extension CampaignCommand: RecordNoun {
    static let entity = "campaign"
    static let noun = "campaign"
}
