/// Offer edits and status steps the client refuses before validation.
/// Nothing is written when one is thrown. Descriptions name record and line
/// IDs and schema states only, never customer data.
public enum OfferError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The offer has no line with this ID.
    case lineNotFound(offer: String, line: String)
    /// A new line needs a list price and neither the input nor the product has one.
    case listPriceUnknown(product: String)
    /// An amount has more fraction digits than the field stores.
    case tooPrecise(member: String)
    /// The offer status workflow (``FieldbookModel/Workflow/offerStatus``) does not allow this step.
    case transitionNotAllowed(offer: String, from: String, to: String)
    /// The offer's validity has passed: it cannot be accepted; send it again with a new validity.
    case expired(offer: String, validUntil: String)
    /// Sending needs a validity date (`validUntil`), on or after the offer date.
    case validityRequired(offer: String)
    /// An offer without lines cannot be sent.
    case noLines(offer: String)
    /// Sending creates a follow-up task for the offer's owner; the offer has none and no user was given.
    case ownerRequired(offer: String)
    /// The step needs a non-empty reason (rejecting).
    case reasonRequired(offer: String, step: String)

    public var description: String {
        switch self {
        case .lineNotFound(let offer, let line): "offer \(offer) has no line \(line)"
        case .listPriceUnknown(let product): "no list price given and product \(product) has none on this device"
        case .tooPrecise(let member): "lines.\(member) has more fraction digits than it stores"
        case .transitionNotAllowed(let offer, let from, let to):
            from == to
                ? "offer \(offer) is already \(to)"
                : "offer \(offer) is \(from) and cannot become \(to)"
                    + (OfferStatusStep.isFinal(from) ? " (\(from) is final)" : "")
        case .expired(let offer, let validUntil):
            "offer \(offer) expired (valid until \(validUntil)); send it again with a new validity first"
        case .validityRequired(let offer): "offer \(offer) needs a validity date (validUntil) to be sent"
        case .noLines(let offer): "offer \(offer) has no lines; add one before sending"
        case .ownerRequired(let offer):
            "offer \(offer) has no owner for its follow-up task; set --owner or pass --user"
        case .reasonRequired(let offer, let step): "\(step) offer \(offer) needs a reason"
        }
    }
}
