import FieldbookModel
import FieldbookSync

extension Offer {
    /// Offer status (`status`): accepted and rejected are final.
    public struct Status: EnumerationValue {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public static let draft: Status = "draft"
        public static let sent: Status = "sent"
        public static let accepted: Status = "accepted"
        public static let rejected: Status = "rejected"
        public static let expired: Status = "expired"
        public static let allCases: [Status] = [.draft, .sent, .accepted, .rejected, .expired]
    }

    /// One line of an offer (an item of `lines`). ``net`` is derived: it is
    /// stored by the save and read back, never written by the app.
    public struct Line: ListItemRecord {
        /// The item ID.
        public let id: String
        /// The product offered (ID of a `product`; required).
        public var product: String
        /// Line text.
        public var description: String?
        /// Quantity, up to three fraction digits (required).
        public var quantity: DecimalNumber
        /// Unit (pcs, m, kg).
        public var unit: String?
        /// List price per unit (money; required).
        public var listPrice: DecimalNumber
        /// Discount in percent, 0–100.
        public var discountPercent: DecimalNumber?
        /// `quantity × listPrice × (1 − discountPercent/100)` to the cent, as
        /// stored by the last save.
        public internal(set) var net: DecimalNumber?

        /// Creates a line.
        public init(
            id: String = ClientDatabase.newRecordID(), product: String, quantity: DecimalNumber,
            listPrice: DecimalNumber, discountPercent: DecimalNumber? = nil, description: String? = nil,
            unit: String? = nil
        ) {
            self.id = id
            self.product = product
            self.description = description
            self.quantity = quantity
            self.unit = unit
            self.listPrice = listPrice
            self.discountPercent = discountPercent
            self.net = nil
        }

        /// A line for `product` at its list price, with its unit and its
        /// name as the line text (each unless given).
        ///
        /// ```swift
        /// offer.lines.append(try Offer.Line(product: valve, quantity: 3))
        /// ```
        /// - Throws: ``OfferError/listPriceUnknown(product:)`` when neither
        ///   `listPrice` nor the product has a price.
        public init(
            id: String = ClientDatabase.newRecordID(), product: Product, quantity: DecimalNumber,
            listPrice: DecimalNumber? = nil, discountPercent: DecimalNumber? = nil
        ) throws(OfferError) {
            guard let price = listPrice ?? product.listPrice else { throw .listPriceUnknown(product: product.id) }
            self.init(
                id: id, product: product.id, quantity: quantity, listPrice: price, discountPercent: discountPercent,
                description: product.name, unit: product.unit
            )
        }

        public init(from members: FieldReader) throws(FieldValueError) {
            self.init(
                id: members.id, product: try members.required("product"), quantity: try members.required("quantity"),
                listPrice: try members.required("listPrice"), discountPercent: try members.optional("discountPercent"),
                description: try members.optional("description"), unit: try members.optional("unit")
            )
            net = try members.optional("net")
        }

        public func write(to members: inout MemberWriter<Line>) {
            members.write("product", \.product)
            members.write("description", \.description)
            members.write("quantity", \.quantity)
            members.write("unit", \.unit)
            members.write("listPrice", \.listPrice)
            members.write("discountPercent", \.discountPercent)
        }

        /// The line as numbers, for `OfferTotals`.
        public var amounts: OfferLine {
            OfferLine(id: id, quantity: quantity, listPrice: listPrice, discountPercent: discountPercent ?? .zero)
        }
    }
}
