import ArgumentParser

/// `fieldbook visit`: visit reports. (Not built yet.)
struct VisitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "visit",
        abstract: "Visit reports."
    )
}
