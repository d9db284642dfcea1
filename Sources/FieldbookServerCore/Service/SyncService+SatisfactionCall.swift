import FieldbookModel
import FieldbookSync

extension SyncService {
    /// After a change that marks an order `delivered` (pushed by the ERP
    /// import or authored by the office through the REST API), the server
    /// authors the satisfaction call task (``SatisfactionCall``) for the
    /// account's owner — else the opportunity's — due
    /// ``SyncServiceConfiguration/satisfactionCallDelayDays`` after delivery.
    /// Writes nothing when the task exists or nobody owns the account.
    func scheduleSatisfactionCall(after change: Change) async throws {
        guard change.entity == "order", change.ops.contains(where: { $0.slot == .field("status") }),
            let order = try await store.record(change.record).record?.state,
            order.value("status") == .text("delivered"),
            let account = order.value("account")?.text
        else { return }
        let taskID = SatisfactionCall.taskID(forOrder: order.id)
        if try await store.record(taskID).record != nil { return }
        var owner = try await store.record(account).record?.state.value("owner")?.text
        if owner == nil, let opportunity = order.value("opportunity")?.text {
            owner = try await store.record(opportunity).record?.state.value("owner")?.text
        }
        guard let assignee = owner else { return }
        let recordedOn = UTCDateTime(secondsSinceEpoch: Int64(change.time.millis / 1000))?.date ?? order.value("orderDate")?.date
        guard let recordedOn else { return }
        let delay = configuration.satisfactionCallDelayDays
        _ = try await author("activity", taskID, caller: .system) { builder in
            SatisfactionCall.fill(&builder, from: order, assignee: assignee, recordedOn: recordedOn, delayDays: delay)
        }
    }
}
