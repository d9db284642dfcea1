import FieldbookModel
import FieldbookSync
import GRDB

extension ClientDatabase {
    /// The printable document of offer `id` with its account and the names
    /// of its products as known on this device.
    ///
    /// ```swift
    /// let html = try database.offerDocument(offerID).html()
    /// ```
    /// - Throws: ``ClientError/recordNotFound(id:)``.
    public func offerDocument(_ id: String, companyHeader: String? = nil) throws -> OfferDocument {
        try read { db in
            let offer = try ProjectionQuery.require("offer", id, in: db)
            let account = try offer.value("account")?.text.flatMap { try RecordRow.fetch($0, in: db) }
            var names: [String: String] = [:]
            for item in offer.items(of: "lines") {
                guard let productID = item.members["product"]?.text, names[productID] == nil,
                    let product = try RecordRow.fetch(productID, in: db), product.entity == "product"
                else { continue }
                names[productID] = product.value("name")?.text
            }
            var document = OfferDocument(offer: offer, account: account, productNames: names)
            if let companyHeader { document.companyHeader = companyHeader }
            return document
        }
    }
}
