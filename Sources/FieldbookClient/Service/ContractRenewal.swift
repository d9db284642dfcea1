import FieldbookModel
import FieldbookSync

/// The renewal reminder of a contract: a `task` activity due
/// `endDate − noticePeriodDays − renewalReminderDays` (reminder days default
/// to ``defaultReminderDays``), for the contract's owner (else the account's).
///
/// Its ID is derived from the contract's (``FieldbookSync/DerivedID``), so
/// two replicas saving the same contract write the same task, and editing the
/// end date moves that task instead of adding another.
///
/// ```swift
/// let taskID = ContractRenewal.taskID(forContract: contract.id)
/// ```
public enum ContractRenewal {
    /// The ``FieldbookSync/DerivedID`` role of the task.
    public static let role = "contract/renewal-reminder"
    /// The activity's `generatedBy` marker.
    public static let marker = "contract-renewal"
    /// Days before the notice deadline the reminder is due when the contract sets none.
    public static let defaultReminderDays = 30

    /// The reminder task's ID for contract `contractID`.
    public static func taskID(forContract contractID: String) -> String {
        DerivedID.make(from: contractID, role: role)
    }

    /// When the reminder is due: the end date minus the notice period minus
    /// the reminder days; nil for a contract without an end date.
    public static func dueDate(of contract: RecordState) -> CalendarDate? {
        guard let end = contract.value("endDate")?.date else { return nil }
        let notice = Int(contract.value("noticePeriodDays")?.int ?? 0)
        let reminder = contract.value("renewalReminderDays")?.int.map(Int.init) ?? defaultReminderDays
        return end.adding(days: -(notice + reminder))
    }

    /// Whether the contract still needs a reminder: it has an end date and is
    /// draft or active (terminated and expired contracts need none).
    static func isDue(_ contract: RecordState) -> Bool {
        guard !contract.isDeleted, dueDate(of: contract) != nil else { return false }
        let status = contract.value("status")?.text ?? "active"
        return status == "active" || status == "draft"
    }

    /// The task's subject: names the contract by number or name and its end date.
    static func subject(for contract: RecordState) -> String {
        let name = contract.value("number")?.text ?? contract.value("name")?.text ?? contract.id
        let end = contract.value("endDate")?.text.map { " (ends \($0))" } ?? ""
        return String("Renew or give notice: contract \(name)\(end)".prefix(200))
    }
}
