import ArgumentParser

/// `fieldbook status`: pending changes, last sync and rejected changes. (Not built yet.)
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Pending changes, last sync and rejected changes."
    )
}
