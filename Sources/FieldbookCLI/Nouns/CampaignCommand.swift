import ArgumentParser

/// `fieldbook campaign`: marketing campaigns. (Not built yet.)
struct CampaignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "campaign",
        abstract: "Marketing campaigns."
    )
}
