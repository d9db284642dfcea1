import FieldbookModel
import FieldbookSync

/// The members of an offer line to write: everything optional, so the same
/// type describes a new line and an edit of some members.
///
/// Amounts are rounded to the schema's scales (quantity 3, prices and
/// percentages 2 fraction digits) by the caller; values that need more
/// digits are refused rather than silently rounded.
///
/// ```swift
/// let line = OfferLineInput(product: productID, quantity: DecimalNumber(3),
///                           listPrice: DecimalNumber(unchecked: "12.50"), discountPercent: 10)
/// ```
public struct OfferLineInput: Hashable, Sendable {
    /// The product (a `product` record ID).
    public var product: String?
    /// Line text; defaults to the product's name for a new line.
    public var description: String?
    /// Quantity.
    public var quantity: DecimalNumber?
    /// Unit (pcs, m, kg); defaults to the product's unit for a new line.
    public var unit: String?
    /// List price per unit; defaults to the product's list price for a new line.
    public var listPrice: DecimalNumber?
    /// Discount in percent, 0–100.
    public var discountPercent: DecimalNumber?

    /// Creates an input.
    public init(
        product: String? = nil, description: String? = nil, quantity: DecimalNumber? = nil, unit: String? = nil,
        listPrice: DecimalNumber? = nil, discountPercent: DecimalNumber? = nil
    ) {
        self.product = product
        self.description = description
        self.quantity = quantity
        self.unit = unit
        self.listPrice = listPrice
        self.discountPercent = discountPercent
    }

    /// Whether nothing is set.
    public var isEmpty: Bool { self == OfferLineInput() }

    /// The members to write, as wire values at the schema's scales.
    /// - Throws: ``OfferError/tooPrecise(member:)`` for too many fraction digits.
    func members() throws(OfferError) -> [String: Value] {
        var members: [String: Value] = [:]
        if let product { members["product"] = .text(product) }
        if let description { members["description"] = .text(description) }
        if let unit { members["unit"] = .text(unit) }
        let amounts: [(String, DecimalNumber?, Int)] = [
            ("quantity", quantity, 3), ("listPrice", listPrice, 2), ("discountPercent", discountPercent, 2),
        ]
        for case (let member, let number?, let scale) in amounts {
            do { members[member] = try number.value(scale: scale) } catch { throw .tooPrecise(member: member) }
        }
        return members
    }
}
