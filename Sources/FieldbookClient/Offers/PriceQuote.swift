import FieldbookModel
import FieldbookSync
import GRDB

/// The price a product is offered at to an account: from the account's
/// price list (`account.priceList`), else the default price list, else the
/// product's list price.
///
/// **Rules.** A price list applies when it is not inactive and `on` lies in
/// its validity. The *default* price list is the applicable one without a
/// customer group (the lowest ID if several). Within a list, the entries for
/// the product are quantity tiers: the entry with the highest `minQuantity`
/// not above the quantity wins (an entry without `minQuantity` counts as 0);
/// its `price` is the line's list price and its `discountPercent` the line's
/// discount (a customer or quantity discount). An offer line keeps the price
/// it was given: later price-list or product changes never rewrite it.
public struct PriceQuote: Hashable, Sendable {
    /// Where the price came from.
    public enum Source: String, Hashable, Sendable {
        /// The account's own price list.
        case accountPriceList = "account_price_list"
        /// The default price list.
        case defaultPriceList = "default_price_list"
        /// The product's list price.
        case product
    }

    /// The unit price.
    public var listPrice: Value
    /// The discount the price list grants, if any.
    public var discountPercent: Value?
    /// Its source.
    public var source: Source
    /// The price list used, if any.
    public var priceList: String?

    /// The quote for `product` × `quantity` to `account` on `date`; nil
    /// when neither a price list nor the product has a price.
    static func find(
        product: String, quantity: DecimalNumber?, account: String?, on date: CalendarDate, in db: Database
    ) throws -> PriceQuote? {
        let lists = try ProjectionQuery.records("price_list", in: db).filter { applies($0, on: date) }
        var candidates: [(RecordState, Source)] = []
        if let account, let own = try RecordRow.fetch(account, in: db)?.value("priceList")?.text,
            let list = lists.first(where: { $0.id == own })
        {
            candidates.append((list, .accountPriceList))
        }
        if let fallback = lists.first(where: { ($0.value("customerGroup")?.text ?? "").isEmpty }) {
            candidates.append((fallback, .defaultPriceList))
        }
        for (list, source) in candidates {
            if let entry = tier(of: list, product: product, quantity: quantity ?? DecimalNumber(1)),
                let price = entry.members["price"], price != .null
            {
                let discount = entry.members["discountPercent"].flatMap { $0 == .null ? nil : $0 }
                return PriceQuote(listPrice: price, discountPercent: discount, source: source, priceList: list.id)
            }
        }
        guard let product = try RecordRow.fetch(product, in: db), product.entity == "product",
            let price = product.value("listPrice"), price != .null
        else { return nil }
        return PriceQuote(listPrice: price, discountPercent: nil, source: .product, priceList: nil)
    }

    /// Whether `list` is active and valid on `date`.
    static func applies(_ list: RecordState, on date: CalendarDate) -> Bool {
        if list.value("active") == .bool(false) { return false }
        if let from = list.value("validFrom")?.date, date < from { return false }
        if let until = list.value("validUntil")?.date, until < date { return false }
        return true
    }

    /// The entry of `list` for `product` with the highest minimum quantity not above `quantity`.
    static func tier(of list: RecordState, product: String, quantity: DecimalNumber) -> RecordState.ListItem? {
        func minimum(_ item: RecordState.ListItem) -> DecimalNumber {
            item.members["minQuantity"]?.text.flatMap { try? DecimalNumber(parsing: $0) } ?? .zero
        }
        return list.items(of: "entries")
            .filter { $0.members["product"] == .text(product) && minimum($0) <= quantity }
            .max { minimum($0) < minimum($1) }
    }
}

extension ClientDatabase {
    /// The price `product` × `quantity` is offered at to `account` on `date`
    /// (see ``PriceQuote``); nil when nothing on this device prices it.
    public func priceQuote(
        product: String, quantity: DecimalNumber? = nil, account: String?, on date: CalendarDate
    ) throws -> PriceQuote? {
        try read { db in try PriceQuote.find(product: product, quantity: quantity, account: account, on: date, in: db) }
    }
}
