import FieldbookSync

/// One offer line as numbers: quantity, list price and discount.
///
/// The line's net amount is `quantity × listPrice × (1 − discountPercent/100)`,
/// computed exactly and rounded once to the cent (half up by default, see
/// ``RoundingRule``).
///
/// ```swift
/// let line = OfferLine(id: "l1", quantity: 3, listPrice: DecimalNumber(unchecked: "19.99"),
///                      discountPercent: DecimalNumber(unchecked: "12.50"))
/// try line.net()    // 52.47 (exactly 52.47375)
/// ```
public struct OfferLine: Hashable, Sendable, Identifiable {
    /// The list item ID.
    public var id: String
    /// Quantity (scale 3 in the schema).
    public var quantity: DecimalNumber
    /// List price per unit (money).
    public var listPrice: DecimalNumber
    /// Discount in percent, 0–100.
    public var discountPercent: DecimalNumber

    /// Creates a line.
    public init(id: String, quantity: DecimalNumber, listPrice: DecimalNumber, discountPercent: DecimalNumber = .zero) {
        self.id = id
        self.quantity = quantity
        self.listPrice = listPrice
        self.discountPercent = discountPercent
    }

    /// Reads a line from an offer's `lines` item (members `quantity`,
    /// `listPrice`, optional `discountPercent`).
    /// - Throws: ``FieldValueError`` naming the member and item.
    public init(item: RecordState.ListItem) throws(FieldValueError) {
        func number(_ member: String, required: Bool) throws(FieldValueError) -> DecimalNumber {
            guard let value = item.members[member], value != .null else {
                if required { throw .missing(field: "lines.\(member)", item: item.id) }
                return .zero
            }
            guard let number = value.decimal else {
                throw .malformed(field: "lines.\(member)", item: item.id, expected: "decimal")
            }
            return number
        }
        self.init(
            id: item.id, quantity: try number("quantity", required: true),
            listPrice: try number("listPrice", required: true),
            discountPercent: try number("discountPercent", required: false)
        )
    }

    /// The net amount rounded to `scale` (cents by default).
    public func net(scale: Int = 2, rule: RoundingRule = .halfUp) throws(DecimalError) -> DecimalNumber {
        let remaining = try DecimalNumber(100).subtracting(discountPercent)
        let percent = DecimalNumber(checkedSignificand: 1, scale: 2)  // 1/100
        return try DecimalNumber.product([quantity, listPrice, remaining, percent], roundedTo: scale, rule: rule)
    }
}
