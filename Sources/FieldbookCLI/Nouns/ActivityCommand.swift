import ArgumentParser

/// `fieldbook activity`: history: calls, visits, letters, e-mails, notes. (Not built yet.)
struct ActivityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "activity",
        abstract: "History: calls, visits, letters, e-mails, notes."
    )
}
