import ArgumentParser
import FieldbookClient
import FieldbookModel
import FieldbookSync
import Foundation

/// `fieldbook pricelist …`: price lists with their entries (reference data
/// from the ERP, read-only for reps) and the price an account gets.
struct PriceListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pricelist",
        abstract: "Price lists and discounts (maintained by the office; read-only).",
        discussion: """
            An offer line takes its price from the account's price list (set by the office), else \
            the default list (active, valid, no customer group), else the product's list price. \
            Entries are quantity tiers: the highest minimum quantity not above the line's quantity \
            wins, with its discount.
            """,
        subcommands: [List.self, ShowRecord<PriceListCommand>.self, Quote.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List price lists.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only lists whose text fields contain this.") var search: String?

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            support.showList(
                try support.list("price_list", search: search, sortField: "name"),
                columns: ["name", "customerGroup", "validFrom", "validUntil", "active"], empty: "No price lists."
            )
        }
    }

    /// `fieldbook pricelist quote --product P [--account A] [--quantity Q]`.
    struct Quote: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The price and discount a product gets for an account (what `offer line add` would use)."
        )
        @OptionGroup var global: GlobalOptions
        @Option(help: "Product ID.") var product: String
        @Option(help: "Account ID.") var account: String?
        @Option(help: "Quantity (default 1).") var quantity: String?

        func run() async throws {
            let context = try CLIContext.open(global)
            var amount: DecimalNumber?
            if let quantity {
                guard let parsed = try? DecimalNumber(parsing: quantity), DecimalNumber.zero < parsed else {
                    throw CLIError("--quantity: expected a positive number, got \(quantity)", exitCode: 2)
                }
                amount = parsed
            }
            guard
                let quote = try context.database.priceQuote(
                    product: product, quantity: amount, account: account, on: context.today
                )
            else { throw CLIError("no price for product \(product) on this device", exitCode: 3) }
            let discount = quote.discountPercent?.text
            context.emit(
                [
                    "product": .string(product), "listPrice": .optional(quote.listPrice.text),
                    "discountPercent": .optional(discount), "source": .string(quote.source.rawValue),
                    "priceList": .optional(quote.priceList),
                ],
                human: "price \(quote.listPrice.text ?? "?")" + (discount.map { ", discount \($0) %" } ?? "")
                    + " (\(quote.source.rawValue.replacingOccurrences(of: "_", with: " "))"
                    + (quote.priceList.map { " \($0)" } ?? "") + ")"
            )
        }
    }
}

extension PriceListCommand: RecordNoun {
    static let entity = "price_list"
    static let noun = "price list"
}
