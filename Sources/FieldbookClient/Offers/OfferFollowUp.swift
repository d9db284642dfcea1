import FieldbookModel
import FieldbookSync

/// The follow-up task created when an offer is sent: a `task` activity for
/// the offer's owner, due a few days before the offer expires.
///
/// Its ID is derived from the offer's (``FieldbookSync/DerivedID``), so two
/// devices sending the same offer offline write the same task, and sending
/// again after expiry moves that task instead of adding another.
///
/// ```swift
/// let taskID = OfferFollowUp.taskID(forOffer: offer.id)
/// ```
public enum OfferFollowUp {
    /// The ``FieldbookSync/DerivedID`` role of the task.
    public static let role = "offer/follow-up-task"
    /// The activity's `generatedBy` marker.
    public static let marker = "offer-follow-up"
    /// Days before `validUntil` the task is due by default.
    public static let defaultLeadDays = 3

    /// The follow-up task's ID for offer `offerID`.
    public static func taskID(forOffer offerID: String) -> String {
        DerivedID.make(from: offerID, role: role)
    }

    /// When the task is due: `leadDays` before `validUntil`, but never
    /// before the day the offer is sent — with short validity the task is
    /// due at once (on `sentOn`), and after `validUntil` never.
    public static func dueDate(validUntil: CalendarDate, sentOn: CalendarDate, leadDays: Int = defaultLeadDays)
        -> CalendarDate
    {
        let due = validUntil.adding(days: -max(0, leadDays))
        if due >= sentOn { return due }
        return sentOn <= validUntil ? sentOn : validUntil
    }

    /// The task's subject: names the offer by number.
    static func subject(for offer: RecordState) -> String {
        let number = offer.value("finalNumber")?.text ?? offer.value("provisionalNumber")?.text ?? offer.id
        let validity = offer.value("validUntil")?.text.map { " (valid until \($0))" } ?? ""
        return String("Follow up offer \(number)\(validity)".prefix(200))
    }
}
