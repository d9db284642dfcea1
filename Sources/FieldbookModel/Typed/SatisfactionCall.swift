import FieldbookSync

/// The satisfaction call scheduled when an order is marked delivered: a
/// `task` activity "call the customer", due ``defaultDelayDays`` after the
/// delivery date, for the account's owner.
///
/// Orders are back-office records (ERP import, office tools); a rep's device
/// never records a delivery, so the server schedules the call where the
/// delivery arrives — its workflow automation, next to the won → order one.
/// The task ID is derived from the order's (``DerivedID``), so a delivery
/// processed twice (a retried push, two server instances) yields one task.
///
/// ```swift
/// let id = SatisfactionCall.taskID(forOrder: order.id)
/// try await service.author("activity", id, caller: .system) { builder in
///     SatisfactionCall.fill(&builder, from: order, assignee: owner, deliveredOn: day)
/// }
/// ```
public enum SatisfactionCall {
    /// Role hashed with the order ID (see ``DerivedID``). Never change it.
    public static let derivationRole = "order-delivered/satisfaction-call"
    /// The activity's `generatedBy` marker.
    public static let marker = "satisfaction-call"
    /// Days after delivery the call is due by default.
    public static let defaultDelayDays = 7

    /// The ID of the satisfaction call task of order `id`: the same everywhere.
    public static func taskID(forOrder id: String) -> String {
        DerivedID.make(from: id, role: derivationRole)
    }

    /// When the call is due: `delayDays` after the order's delivery date, or
    /// after `fallback` (the day the delivery was recorded) when it has none.
    public static func dueDate(of order: RecordState, fallback: CalendarDate, delayDays: Int = defaultDelayDays)
        -> CalendarDate
    {
        (order.value("deliveryDate")?.date ?? fallback).adding(days: max(0, delayDays))
    }

    /// Fills a new task for a delivered order. Writes nothing when the task
    /// exists already (the delivery was processed before) or the order is
    /// not delivered.
    /// - Returns: whether anything was written.
    @discardableResult
    public static func fill(
        _ builder: inout ChangeBuilder, from order: RecordState, assignee: String, recordedOn: CalendarDate,
        delayDays: Int = defaultDelayDays
    ) -> Bool {
        guard !builder.state.exists, order.value("status") == .text("delivered"),
            let account = order.value("account"), account != .null
        else { return false }
        let number = order.value("number")?.text ?? order.id
        builder.set("kind", to: "task")
        builder.set("subject", to: .text(String("Satisfaction call: order \(number) delivered".prefix(200))))
        builder.set("account", to: account)
        if let contact = order.value("contact"), contact != .null { builder.set("contact", to: contact) }
        if let opportunity = order.value("opportunity"), opportunity != .null {
            builder.set("opportunity", to: opportunity)
        }
        builder.set("assignee", to: .text(assignee))
        builder.set("owner", to: .text(assignee))
        builder.set("dueDate", to: dueDate(of: order, fallback: recordedOn, delayDays: delayDays).value)
        builder.set("status", to: "open")
        builder.set("generatedBy", to: .text(marker))
        return true
    }
}
