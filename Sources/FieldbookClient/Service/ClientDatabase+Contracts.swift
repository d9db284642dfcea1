import FieldbookModel
import FieldbookSync
import GRDB

extension ClientDatabase {
    /// Creates or edits contract `id` and brings its renewal reminder task
    /// (``ContractRenewal``) in line, in one local transaction.
    ///
    /// ```swift
    /// try database.saveContract(id) { $0.set("endDate", to: "2027-06-30") }
    /// ```
    /// - Parameter user: the reminder's assignee when neither the contract
    ///   nor its account has an owner.
    /// - Returns: the contract and its reminder task (nil when it needs none
    ///   or nobody could be assigned).
    @discardableResult
    public func saveContract(
        _ id: String, user: String? = nil, _ body: (inout ChangeBuilder) throws -> Void
    ) throws -> (contract: RecordState, reminder: RecordState?) {
        try write { transaction in
            let contract = try transaction.edit("contract", id, body)
            let reminder = try Self.updateRenewalReminder(of: contract, user: user, in: &transaction)
            return (contract, reminder)
        }
    }

    /// Writes the renewal reminder of `contract` inside `transaction`: creates
    /// it, moves its due date (reopening it when the date changes), or
    /// cancels it when the contract no longer needs one. Writes nothing when
    /// the task is already as it should be.
    /// - Returns: the reminder task, nil when there is none.
    @discardableResult
    public static func updateRenewalReminder(
        of contract: RecordState, user: String? = nil, in transaction: inout LocalTransaction
    ) throws -> RecordState? {
        let taskID = ContractRenewal.taskID(forContract: contract.id)
        let existing = try transaction.record(taskID).flatMap { $0.isDeleted ? nil : $0 }
        guard ContractRenewal.isDue(contract), let due = ContractRenewal.dueDate(of: contract),
            let account = contract.value("account")?.text
        else {
            guard let existing, existing.value("status") == "open" || existing.value("status") == "in_progress" else {
                return existing
            }
            return try transaction.edit("activity", taskID) { $0.set("status", to: "cancelled") }
        }
        let accountOwner = try transaction.record(account)?.value("owner")?.text
        guard let assignee = existing?.value("assignee")?.text ?? contract.value("owner")?.text ?? accountOwner ?? user
        else { return nil }
        let subject = ContractRenewal.subject(for: contract)
        return try transaction.edit("activity", taskID) { builder in
            let fresh = existing == nil
            func update(_ field: String, _ value: Value) {
                if existing?.value(field) != value { builder.set(field, to: value) }
            }
            if fresh {
                builder.set("kind", to: "task")
                builder.set("assignee", to: .text(assignee))
                builder.set("generatedBy", to: .text(ContractRenewal.marker))
            }
            update("account", .text(account))
            update("subject", .text(subject))
            if let contact = contract.value("contact"), contact != .null { update("contact", contact) }
            let moved = existing?.value("dueDate") != due.value
            update("dueDate", due.value)
            if fresh || (moved && existing?.value("status") != "open") { builder.set("status", to: "open") }
        }
    }
}
