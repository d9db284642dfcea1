import ArgumentParser
import FieldbookClient
import FieldbookModel
import FieldbookSync

extension OpportunityCommand {
    /// `fieldbook opportunity competitor add|remove OPP COMPETITOR`.
    struct Competitor: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "competitor",
            abstract: "Link competitors to an opportunity (shown in `opportunity show` as competitors).",
            subcommands: [AddCompetitor.self, RemoveCompetitor.self]
        )
    }

    struct AddCompetitor: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a competitor to an opportunity.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Opportunity ID.") var opportunity: String
        @Argument(help: "Competitor ID.") var competitor: String

        func run() async throws { try OpportunityCommand.link(opportunity, competitor, linked: true, global: global) }
    }

    struct RemoveCompetitor: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove", abstract: "Remove a competitor from an opportunity."
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Opportunity ID.") var opportunity: String
        @Argument(help: "Competitor ID.") var competitor: String

        func run() async throws { try OpportunityCommand.link(opportunity, competitor, linked: false, global: global) }
    }

    static func link(_ opportunity: String, _ competitor: String, linked: Bool, global: GlobalOptions) throws {
        let support = RecordCommandSupport(context: try .open(global))
        _ = try support.require("opportunity", opportunity)
        if linked { _ = try support.require("competitor", competitor) }
        support.show(try support.context.database.setOpportunityCompetitor(opportunity, competitor: competitor, linked: linked))
    }
}
