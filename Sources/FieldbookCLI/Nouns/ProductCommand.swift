import ArgumentParser

/// `fieldbook product`: the product catalog (reference data). (Not built yet.)
struct ProductCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "product",
        abstract: "The product catalog (reference data)."
    )
}
