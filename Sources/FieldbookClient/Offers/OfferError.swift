/// Offer edits the client refuses before validation. Descriptions name
/// record and line IDs only.
public enum OfferError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The offer has no line with this ID.
    case lineNotFound(offer: String, line: String)
    /// A new line needs a list price and neither the input nor the product has one.
    case listPriceUnknown(product: String)
    /// An amount has more fraction digits than the field stores.
    case tooPrecise(member: String)

    public var description: String {
        switch self {
        case .lineNotFound(let offer, let line): "offer \(offer) has no line \(line)"
        case .listPriceUnknown(let product): "no list price given and product \(product) has none on this device"
        case .tooPrecise(let member): "lines.\(member) has more fraction digits than it stores"
        }
    }
}
