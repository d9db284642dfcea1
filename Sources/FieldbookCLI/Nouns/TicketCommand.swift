import ArgumentParser

/// `fieldbook ticket`: service tickets (complaints). (Not built yet.)
struct TicketCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ticket",
        abstract: "Service tickets (complaints)."
    )
}
