import FieldbookModel
import FieldbookSync
import GRDB

extension ClientDatabase {
    /// Creates a draft offer dated `offerDate` with a provisional number
    /// (see ``nextProvisionalOfferNumber(year:in:)``); `body` sets account,
    /// tax rate and the rest. Totals are stored in the same change. Change an
    /// existing offer with ``editOffer(_:_:)``: calling this again would reset
    /// its date and status.
    ///
    /// ```swift
    /// let offer = try database.createOffer(offerDate: today) { change in
    ///     change.set("account", to: .text(accountID))
    ///     change.set("taxRate", to: "19.00")
    /// }
    /// ```
    @discardableResult
    public func createOffer(
        _ id: String = ClientDatabase.newRecordID(), offerDate: CalendarDate,
        _ body: (inout ChangeBuilder) throws -> Void
    ) throws -> RecordState {
        try write { transaction in
            let number = try nextProvisionalOfferNumber(year: offerDate.year, in: transaction.db)
            return try transaction.edit("offer", id) { builder in
                if builder.state.value("provisionalNumber") == nil {
                    builder.set("provisionalNumber", to: .text(number))
                }
                builder.set("offerDate", to: offerDate.value)
                builder.set("status", to: "draft")
                try body(&builder)
                builder.updateOfferTotals()
            }
        }
    }

    /// Edits offer `id` and stores its recomputed totals in the same change
    /// (use it for tax rate, status and header fields as well as lines).
    @discardableResult
    public func editOffer(_ id: String, _ body: (inout ChangeBuilder) throws -> Void) throws -> RecordState {
        try write { transaction in
            _ = try ProjectionQuery.require("offer", id, in: transaction.db)
            return try transaction.edit("offer", id) { builder in
                try body(&builder)
                builder.updateOfferTotals()
            }
        }
    }

    /// Adds line `lineID` to offer `offerID`. A product known on this device
    /// supplies the list price, unit and description the input leaves out;
    /// the price (and a quantity or customer discount) comes from the
    /// account's price list or the default one when it lists the product
    /// (``PriceQuote``). The line keeps that price: later price changes by
    /// the office never rewrite it.
    /// Line net and offer totals are stored in the same change.
    /// - Throws: ``OfferError`` (unknown `after` line, no list price),
    ///   ``ClientError`` (no such offer, validation).
    @discardableResult
    public func addOfferLine(
        to offerID: String, _ line: OfferLineInput, placement: LinePlacement = .end,
        lineID: String = ClientDatabase.newRecordID()
    ) throws -> RecordState {
        try write { transaction in
            let offer = try ProjectionQuery.require("offer", offerID, in: transaction.db)
            var members = try line.members()
            if let productID = line.product {
                let product = try RecordRow.fetch(productID, in: transaction.db)
                    .flatMap { $0.entity == "product" && !$0.isDeleted ? $0 : nil }
                // The account's (or the default) price list sets price and discount (see PriceQuote).
                if members["listPrice"] == nil, let date = offer.value("offerDate")?.date,
                    let quote = try PriceQuote.find(
                        product: productID, quantity: line.quantity, account: offer.value("account")?.text, on: date,
                        in: transaction.db
                    )
                {
                    members["listPrice"] = quote.listPrice
                    if members["discountPercent"] == nil, let discount = quote.discountPercent {
                        members["discountPercent"] = discount
                    }
                }
                let defaults: [(String, String)] = [
                    ("listPrice", "listPrice"), ("unit", "unit"), ("description", "name"),
                ]
                for (member, field) in defaults where members[member] == nil {
                    if let value = product?.value(field), value != .null { members[member] = value }
                }
                guard members["listPrice"] != nil else { throw OfferError.listPriceUnknown(product: productID) }
            }
            let after = try Self.anchor(for: placement, in: offer)
            return try transaction.edit("offer", offerID) { builder in
                builder.insertItem(lineID, into: "lines", after: after, members: members)
                builder.updateOfferTotals()
            }
        }
    }

    /// Changes members of line `lineID` (only those set in `changes`) and
    /// optionally moves it; totals follow in the same change. Changing the
    /// product without a price takes the new product's list price.
    @discardableResult
    public func editOfferLine(
        _ lineID: String, of offerID: String, _ changes: OfferLineInput, moveTo placement: LinePlacement? = nil
    ) throws -> RecordState {
        try write { transaction in
            let offer = try ProjectionQuery.require("offer", offerID, in: transaction.db)
            guard offer.items(of: "lines").contains(where: { $0.id == lineID }) else {
                throw OfferError.lineNotFound(offer: offerID, line: lineID)
            }
            var members = try changes.members()
            if let productID = changes.product, changes.listPrice == nil,
                let product = try RecordRow.fetch(productID, in: transaction.db), product.entity == "product",
                let price = product.value("listPrice"), price != .null
            {
                members["listPrice"] = price
            }
            let after = try placement.map { try Self.anchor(for: $0, in: offer, excluding: lineID) }
            return try transaction.edit("offer", offerID) { builder in
                for (member, value) in members.sorted(by: { $0.key < $1.key }) {
                    builder.setItem(lineID, in: "lines", member: member, to: value)
                }
                if let after { builder.moveItem(lineID, in: "lines", after: after) }
                builder.updateOfferTotals()
            }
        }
    }

    /// Removes line `lineID` from offer `offerID`; totals follow in the same change.
    @discardableResult
    public func removeOfferLine(_ lineID: String, of offerID: String) throws -> RecordState {
        try write { transaction in
            let offer = try ProjectionQuery.require("offer", offerID, in: transaction.db)
            guard offer.items(of: "lines").contains(where: { $0.id == lineID }) else {
                throw OfferError.lineNotFound(offer: offerID, line: lineID)
            }
            return try transaction.edit("offer", offerID) { builder in
                builder.removeItem(lineID, from: "lines")
                builder.updateOfferTotals()
            }
        }
    }

    /// Live offers, newest offer date first, optionally of one account and/or status.
    public func offers(account: String? = nil, status: String? = nil) throws -> [RecordState] {
        try read { db in
            var terms: [String] = []
            var arguments: [String] = []
            for (column, value) in [("account", account), ("status", status)] {
                guard let value else { continue }
                terms.append("\(column) = ?")
                arguments.append(value)
            }
            return try ProjectionQuery.records(
                "offer", where: terms.isEmpty ? "1" : terms.joined(separator: " AND "),
                arguments: StatementArguments(arguments), orderBy: "\"offerDate\" DESC, \"provisionalNumber\" DESC",
                in: db
            )
        }
    }

    /// The item to insert after for `placement` (nil: at the start).
    private static func anchor(for placement: LinePlacement, in offer: RecordState, excluding: String? = nil) throws
        -> String?
    {
        let lines = offer.items(of: "lines").filter { $0.id != excluding }
        switch placement {
        case .start: return nil
        case .end: return lines.last?.id
        case .after(let line):
            guard lines.contains(where: { $0.id == line }) else {
                throw OfferError.lineNotFound(offer: offer.id, line: line)
            }
            return line
        }
    }
}
