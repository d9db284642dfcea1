import ArgumentParser

/// `fieldbook offer`: offers (quotes) with lines, tax and totals. (Not built yet.)
struct OfferCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "offer",
        abstract: "Offers (quotes) with lines, tax and totals."
    )
}
