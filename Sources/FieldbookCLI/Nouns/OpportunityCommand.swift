import ArgumentParser

/// `fieldbook opportunity`: sales opportunities through the pipeline. (Not built yet.)
struct OpportunityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "opportunity",
        abstract: "Sales opportunities through the pipeline."
    )
}
