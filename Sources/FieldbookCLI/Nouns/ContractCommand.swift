import ArgumentParser

/// `fieldbook contract`: supply, maintenance and support contracts. (Not built yet.)
struct ContractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contract",
        abstract: "Supply, maintenance and support contracts."
    )
}
