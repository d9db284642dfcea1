import FieldbookModel
import FieldbookSync

/// The offer status rules the client applies before writing: the schema's
/// workflow (``FieldbookModel/Workflow/offerStatus``, which the server
/// enforces on every push) plus expiry by date.
///
/// Expiry is computed: a `sent` offer whose `validUntil` lies before today
/// shows as `expired` everywhere (``effectiveStatus(of:on:)``) without a
/// write, so devices that are offline for days agree on it. `offer expire`
/// (``ClientDatabase/expireOffer(_:)``) stores the state explicitly.
///
/// ```swift
/// OfferStatusStep.effectiveStatus(of: offer, on: today)  // "expired"
/// ```
public enum OfferStatusStep {
    /// The workflow the schema declares for `offer.status`.
    public static let workflow = Workflow.offerStatus

    /// Whether `status` can never be left (accepted, rejected).
    public static func isFinal(_ status: String) -> Bool {
        workflow.terminalValues(among: [status]) == [status]
    }

    /// The status to show on `day`: the stored one, except that a `sent`
    /// offer whose validity has passed (`validUntil` before `day`) is `expired`.
    public static func effectiveStatus(of offer: RecordState, on day: CalendarDate) -> String {
        let status = offer.value("status")?.text ?? "draft"
        guard status == "sent", let validUntil = offer.value("validUntil")?.date, validUntil < day else { return status }
        return "expired"
    }

    /// Throws unless the workflow allows moving `offer` to `target`
    /// (staying put counts as refused: the step was done already).
    static func check(_ offer: RecordState, to target: String) throws(OfferError) {
        let status = offer.value("status")?.text ?? "draft"
        guard status != target, workflow.allows(from: status, to: target) else {
            throw .transitionNotAllowed(offer: offer.id, from: status, to: target)
        }
    }
}
