import ArgumentParser

/// `fieldbook contact`: people at accounts: buying center roles, phones, opt-outs. (Not built yet.)
struct ContactCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contact",
        abstract: "People at accounts: buying center roles, phones, opt-outs."
    )
}
