import ArgumentParser
import FieldbookClient
import FieldbookModel
import FieldbookSync

/// `fieldbook competitor …`: competitors (shared data every rep may write),
/// the opportunities they compete in and what reps observed of them.
struct CompetitorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "competitor",
        abstract: "Competitors: who competes in which opportunity, and observed activities.",
        subcommands: [
            Add.self, List.self, Show.self, Edit.self, DeleteRecord<CompetitorCommand>.self, Observe.self,
        ]
    )

    /// Options shared by `add` and `edit`.
    struct Fields: ParsableArguments {
        @Option(help: "Name (required).") var name: String?
        @Option(help: "Website.") var website: String?
        @Option(help: "Their products.") var products: String?
        @Option(help: "Strengths.") var strengths: String?
        @Option(help: "Weaknesses.") var weaknesses: String?
        @Option(help: "Notes.") var notes: String?
        @Option(help: "Set any other field: field=value (repeatable).") var set: [String] = []

        var values: [String: String] {
            get throws {
                var values = try RecordCommandSupport.assignments(set)
                let named: [(String, String?)] = [
                    ("name", name), ("website", website), ("products", products), ("strengths", strengths),
                    ("weaknesses", weaknesses), ("notes", notes),
                ]
                for (field, value) in named { if let value { values[field] = value } }
                return values
            }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a competitor.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var fields: Fields

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            support.show(try support.create("competitor", values: try fields.values))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List competitors by name.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only competitors whose text fields contain this.") var search: String?

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            support.showList(
                try support.list("competitor", search: search, sortField: "name"), columns: ["name", "website"],
                empty: "No competitors."
            )
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a competitor with the opportunities it competes in and its observed activities."
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Competitor ID.") var id: String

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            let competitor = try support.require("competitor", id)
            let opportunities = try support.context.database.opportunities(withCompetitor: id)
            let presenter = support.presenter
            let observations = competitor.items(of: "observations")
            let json: JSONValue = [
                "competitor": presenter.json(competitor), "opportunities": .array(opportunities.map(presenter.json)),
            ]
            let opportunityTable = TextTable(
                headers: ["OPPORTUNITY", "NAME", "ACCOUNT", "STATUS"],
                rows: opportunities.map { record in [record.id] + ["name", "account", "status"].map { record.value($0)?.text ?? "" } }
            )
            let observationTable = TextTable(
                headers: ["DATE", "NOTE", "ACCOUNT", "OPPORTUNITY"],
                rows: observations.map { item in ["date", "note", "account", "opportunity"].map { item.members[$0]?.text ?? "" } }
            )
            let human = [
                presenter.details(competitor),
                opportunities.isEmpty ? "No opportunities." : "Opportunities:\n" + opportunityTable.render(),
                observations.isEmpty ? "No observations." : "Observed:\n" + observationTable.render(),
            ].joined(separator: "\n\n")
            support.context.emit(json, human: human)
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change fields of a competitor.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Competitor ID.") var id: String
        @OptionGroup var fields: Fields

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            support.show(try support.update("competitor", id: id, values: try fields.values))
        }
    }

    /// `fieldbook competitor observe ID --note … [--account] [--opportunity] [--date]`.
    struct Observe: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record an observed activity of a competitor (e.g. a rival offer at an account)."
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Competitor ID.") var id: String
        @Option(help: "What was observed (required).") var note: String
        @Option(help: "Account where it was observed.") var account: String?
        @Option(help: "Opportunity it concerns.") var opportunity: String?
        @Option(help: "When (default: today).") var date: String?

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            _ = try support.require("competitor", id)
            if let account { _ = try support.require("account", account) }
            if let opportunity { _ = try support.require("opportunity", opportunity) }
            let observation = CompetitorObservation(
                date: try MarketingSupport.date(date, support) ?? support.context.today, note: note, account: account,
                opportunity: opportunity, observedBy: MarketingSupport.signedInUser(global)
            )
            support.show(try support.context.database.observeCompetitor(id, observation))
        }
    }
}

extension CompetitorCommand: RecordNoun {
    static let entity = "competitor"
    static let noun = "competitor"
}
