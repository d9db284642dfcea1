import FieldbookModel
import FieldbookSync

extension SyncService {
    /// Wins the opportunity of an accepted offer (the office marks the offer
    /// accepted, or a rep's acceptance is pushed): when `change` writes an
    /// offer's status, the offer is `accepted` and links an opportunity that
    /// is still `open`, the server closes the opportunity as `won` with the
    /// reason "Offer <number> accepted" and today's date (UTC), and authors
    /// the won opportunity's order (``WonOrder``) carrying the offer's
    /// contact, reference and totals.
    ///
    /// Safe to run twice: an opportunity already closed is left alone, and
    /// the order's ID is derived from the opportunity, so a retried push or
    /// a rep winning the same opportunity offline still yields one order.
    func winOpportunity(afterAccepting change: Change) async throws {
        guard change.entity == "offer", change.ops.contains(where: { $0.slot == .field("status") }),
            let offer = try await store.record(change.record).record?.state, !offer.isDeleted,
            offer.value("status") == .text("accepted"),
            let opportunityID = offer.value("opportunity")?.text,
            let opportunity = try await store.record(opportunityID).record?.state,
            !opportunity.isDeleted, opportunity.entity == "opportunity",
            opportunity.value("status") == .text("open")
        else { return }
        let number = offer.value("finalNumber")?.text ?? offer.value("provisionalNumber")?.text ?? offer.id
        let millis = await clock.physicalMillis()
        let today = CalendarDate(daysSinceEpoch: Int(millis / 86_400_000)) ?? CalendarDate(year: 2000, month: 1, day: 1)!
        _ = try await author("opportunity", opportunityID, caller: .system) { builder in
            guard builder.state.value("status") == .text("open") else { return }
            builder.set("status", to: "won")
            builder.set("closeReason", to: .text("Offer \(number) accepted"))
            builder.set("closeDate", to: today.value)
            builder.set("probability", to: "100.00")
        }
        guard let won = try await store.record(opportunityID).record?.state, won.value("status") == .text("won") else {
            return
        }
        try await authorWonOrder(for: won, offer: offer)
    }

    /// Authors the order of the won `opportunity` (nothing when it exists);
    /// with `offer`, the order references it and carries its contact and
    /// totals — also when the order was just made from the win itself
    /// (winning the opportunity runs the automations first) and has no offer yet.
    func authorWonOrder(for opportunity: RecordState, offer: RecordState? = nil) async throws {
        _ = try await author("order", WonOrder.id(forOpportunity: opportunity.id), caller: .system) { builder in
            let filled = WonOrder.fill(&builder, from: opportunity)
            guard let offer, filled || (builder.state.exists && builder.state.value("offer")?.text == nil) else { return }
            builder.set("offer", to: .text(offer.id))
            for (orderField, offerField) in [
                ("contact", "contact"), ("netTotal", "netTotal"), ("taxAmount", "taxAmount"), ("grossTotal", "grossTotal"),
            ] {
                if let value = offer.value(offerField), value != .null { builder.set(orderField, to: value) }
            }
        }
    }
}
