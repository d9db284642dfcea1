import ArgumentParser

/// `fieldbook conflicts`: sync conflicts: list, show and resolve. (Not built yet.)
struct ConflictsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflicts",
        abstract: "Sync conflicts: list, show and resolve."
    )
}
