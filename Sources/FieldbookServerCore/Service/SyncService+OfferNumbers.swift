import FieldbookModel
import FieldbookSync

extension SyncService {
    /// Assigns an accepted offer its final number (SYNC.md §11.2: servers
    /// finalise numbers): when `change` writes an offer's status and the
    /// offer is `accepted` without a `finalNumber`, the server authors
    /// `finalNumber` = ``finalOfferNumber(year:position:)``.
    ///
    /// The counter is the log position at which the store accepted `change`:
    /// the store hands out each position once, so offers accepted
    /// concurrently — on one instance or several — get distinct numbers
    /// without a counter of their own (the sequence has gaps, never
    /// duplicates). A duplicate push finds the same position; `finalNumber`
    /// is write-once and only written while absent, so a retry writes nothing.
    func assignOfferNumber(after change: Change) async throws {
        guard change.entity == "offer", change.ops.contains(where: { $0.slot == .field("status") }),
            let offer = try await store.record(change.record).record?.state,
            offer.value("status") == .text("accepted"), offer.value("finalNumber")?.text == nil,
            case .accepted(let position)? = try await store.decision(for: change.dot)?.outcome
        else { return }
        let year = offer.value("offerDate")?.date?.year ?? 0
        let number = Self.finalOfferNumber(year: year, position: position.rawValue)
        _ = try await author("offer", offer.id, caller: .system) { builder in
            guard builder.state.value("finalNumber")?.text == nil else { return }
            builder.set("finalNumber", to: .text(number))
        }
    }

    /// The final number for an offer of `year` whose acceptance is at log
    /// `position`: `A-<year>-<position, at least 4 digits>` (`A-2026-0042`).
    public static func finalOfferNumber(year: Int, position: UInt64) -> String {
        let counter = String(position)
        return "A-\(year)-" + String(repeating: "0", count: max(0, 4 - counter.count)) + counter
    }
}
