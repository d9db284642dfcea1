import FieldbookModel
import FieldbookSync

extension SyncService {
    /// Back-office automation after a change was accepted (or answered as a
    /// duplicate): a change that writes an opportunity's status to `won`
    /// makes the server author the opportunity's order (``WonOrder``), with
    /// an ID derived from the opportunity so a win processed twice — two
    /// reps offline, a retried push — yields one order.
    ///
    /// An accepted offer gets its final number (``assignOfferNumber(after:)``)
    /// and wins its open opportunity (``winOpportunity(afterAccepting:)``); a
    /// delivered order gets its satisfaction call (``scheduleSatisfactionCall(after:)``).
    ///
    /// Runs after every pushed change and every authored one (office API
    /// writes included); changes the automations author run it again, which
    /// ends because each automation writes only what is still missing.
    ///
    /// Errors propagate: the push answers `unavailable`, the client pushes
    /// again, the change comes back as a duplicate and the automation runs
    /// again (it writes nothing when the order exists).
    func automate(after change: Change) async throws {
        try await assignOfferNumber(after: change)
        try await winOpportunity(afterAccepting: change)
        try await scheduleSatisfactionCall(after: change)
        guard change.entity == "opportunity", change.ops.contains(where: { $0.slot == .field("status") }),
            let opportunity = try await store.record(change.record).record?.state,
            opportunity.value("status") == .text("won")
        else { return }
        try await authorWonOrder(for: opportunity)
    }
}
