import ArgumentParser

/// `fieldbook lead`: inquiries: capture, qualify, convert. (Not built yet.)
struct LeadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lead",
        abstract: "Inquiries: capture, qualify, convert."
    )
}
