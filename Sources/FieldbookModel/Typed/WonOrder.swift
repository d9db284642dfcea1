import FieldbookSync

/// The order a won opportunity becomes, with an ID derived from the
/// opportunity's ID, so an opportunity won twice (two reps offline, or a win
/// processed twice) yields one order.
///
/// Orders are back-office records (reps may not write them), so the order
/// is authored by whoever processes the win with back-office rights — the
/// server's workflow automation or an office tool:
///
/// ```swift
/// let id = WonOrder.id(forOpportunity: opportunity.id)
/// try await service.author("order", id, caller: .system) { builder in
///     WonOrder.fill(&builder, from: opportunity)
/// }
/// ```
public enum WonOrder {
    /// Role hashed with the opportunity ID (see ``DerivedID``). Never change it.
    public static let derivationRole = "opportunity-won/order"

    /// The ID of the order made from opportunity `id`: the same everywhere.
    public static func id(forOpportunity id: String) -> String {
        DerivedID.make(from: id, role: derivationRole)
    }

    /// The order's number: the opportunity's number, else `W-` and the first
    /// eight characters of the order ID (deterministic, no central counter).
    public static func number(for opportunity: RecordState) -> String {
        opportunity.value("number")?.text ?? "W-" + id(forOpportunity: opportunity.id).prefix(8).uppercased()
    }

    /// Fills a new order from a won opportunity: account, opportunity,
    /// number, order date (the close date), status `open` and the
    /// opportunity's amount as net total. Writes nothing when the order
    /// already exists (the win was processed before) or the opportunity is
    /// not won.
    /// - Returns: whether anything was written.
    @discardableResult
    public static func fill(_ builder: inout ChangeBuilder, from opportunity: RecordState) -> Bool {
        guard !builder.state.exists, opportunity.value("status") == .text("won"),
            let account = opportunity.value("account"), let date = opportunity.value("closeDate")
        else { return false }
        builder.set("number", to: .text(number(for: opportunity)))
        builder.set("account", to: account)
        builder.set("opportunity", to: .text(opportunity.id))
        builder.set("orderDate", to: date)
        builder.set("status", to: "open")
        if let amount = opportunity.value("amount"), amount != .null { builder.set("netTotal", to: amount) }
        return true
    }
}
