import ArgumentParser
import FieldbookClient
import FieldbookModel
import FieldbookSync

/// `fieldbook opportunity …`: sales opportunities in the pipeline.
struct OpportunityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "opportunity",
        abstract: "Sales opportunities: amount, phase, expected close; closed won, lost or cancelled.",
        discussion: """
            `phase` moves an opportunity through its pipeline (kept in its history); `close` \
            closes it as won, lost or cancelled and needs --reason (so does `edit --status` \
            with --close-reason); the close date defaults to today. A won opportunity cannot \
            be reopened. `forecast` sums amount × phase probability by month and rep.
            """,
        subcommands: [
            Add.self, List.self, ShowRecord<OpportunityCommand>.self, Edit.self, Phase.self, Close.self, History.self,
            ForecastReport.self, DeleteRecord<OpportunityCommand>.self,
            Competitor.self,
        ]
    )

    /// The statuses that close an opportunity.
    static let closed: Set<String> = ["won", "lost", "cancelled"]

    /// Options shared by `add` and `edit`.
    struct Fields: ParsableArguments {
        @Option(help: "Account ID (required).") var account: String?
        @Option(help: "Name, e.g. what is being sold (required).") var name: String?
        @Option(help: "Opportunity number.") var number: String?
        @Option(help: "Expected amount, e.g. 12500.00.") var amount: String?
        @Option(help: "Expected close date.") var expectedClose: String?
        @Option(help: "Pipeline ID.") var pipeline: String?
        @Option(help: "Phase (an item ID of the pipeline's phases).") var phase: String?
        @Option(help: "Probability in percent, 0–100.") var probability: String?
        @Option(help: "open (default), won, lost or cancelled.") var status: String?
        @Option(help: "Why it was won, lost or cancelled (required when closing).") var closeReason: String?
        @Option(help: "Close date (default when closing: today).") var closeDate: String?
        @Option(help: "Forecast category: pipeline, best_case, commit, closed, omitted.") var forecast: String?
        @Option(help: "Owning rep (user ID, required).") var owner: String?
        @Option(help: "Selling team (team ID).") var team: String?
        @Option(help: "Next step.") var nextStep: String?
        @Option(help: "Description.") var description: String?
        @Option(help: "Add a buying center contact (contact ID, repeatable).") var contact: [String] = []
        @Option(help: "Add a competitor (competitor ID, repeatable).") var competitor: [String] = []
        @Option(help: "Set any other field: field=value (repeatable).") var set: [String] = []

        var values: [String: String] {
            get throws {
                var values = try RecordCommandSupport.assignments(set)
                let named: [(String, String?)] = [
                    ("account", account), ("name", name), ("number", number), ("amount", amount),
                    ("expectedCloseDate", expectedClose), ("pipeline", pipeline), ("phase", phase),
                    ("probability", probability), ("status", status), ("closeReason", closeReason),
                    ("closeDate", closeDate), ("forecastCategory", forecast), ("owner", owner), ("team", team),
                    ("nextStep", nextStep), ("description", description),
                ]
                for (field, value) in named { if let value { values[field] = value } }
                return values
            }
        }

        var elements: [String: [String]] {
            ["buyingCenter": contact, "competitors": competitor].filter { !$0.value.isEmpty }
        }
    }

    /// Fills in today's close date when `values` close the opportunity without one.
    static func defaultCloseDate(
        _ values: inout [String: String], support: RecordCommandSupport, record: RecordState?
    ) throws {
        guard let status = values["status"], let field = try support.context.database.schema("opportunity").field("status"),
            let canonical = try support.input.value(status, for: field).text, closed.contains(canonical)
        else { return }
        RecordCommandSupport.defaulting(&values, "closeDate", to: support.context.today.description, unlessIn: record)
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an opportunity (status open).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var fields: Fields

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            var values = try fields.values
            RecordCommandSupport.defaulting(&values, "status", to: "open")
            try OpportunityCommand.defaultCloseDate(&values, support: support, record: nil)
            support.show(try support.create("opportunity", values: values, adding: fields.elements))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List opportunities by account, status, owner or text.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only opportunities whose text fields contain this (case and accents ignored).") var search: String?
        @Option(help: "Only opportunities of this account (ID).") var account: String?
        @Option(help: "Only these statuses, comma-separated: open, won, lost, cancelled.") var status: String?
        @Option(help: "Only opportunities owned by this user (ID).") var owner: String?
        @Option(help: "Only opportunities expected to close on or before this date.") var closingBefore: String?

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            var filter = try ListFilter("opportunity", support: support)
            try filter.equals("account", account)
            try filter.equals("status", status)
            try filter.equals("owner", owner)
            try filter.onOrBefore("expectedCloseDate", closingBefore)
            let found = filter.apply(try support.list("opportunity", search: search, sortField: "expectedCloseDate"))
            support.showList(
                found, columns: ["name", "account", "status", "amount", "expectedCloseDate", "probability"],
                empty: "No opportunities."
            )
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change fields of an opportunity, or close it.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Opportunity ID.") var id: String
        @OptionGroup var fields: Fields
        @Option(help: "Remove a buying center contact (repeatable).") var removeContact: [String] = []
        @Option(help: "Remove a competitor (repeatable).") var removeCompetitor: [String] = []

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            let record = try support.require("opportunity", id)
            var values = try fields.values
            try OpportunityCommand.defaultCloseDate(&values, support: support, record: record)
            let removing = ["buyingCenter": removeContact, "competitors": removeCompetitor].filter { !$0.value.isEmpty }
            support.show(
                try support.update("opportunity", id: id, values: values, adding: fields.elements, removing: removing)
            )
        }
    }

}

extension OpportunityCommand: RecordNoun {
    static let entity = "opportunity"
    static let noun = "opportunity"
}
