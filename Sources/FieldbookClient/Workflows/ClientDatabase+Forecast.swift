import FieldbookModel
import FieldbookSync
import GRDB

extension ClientDatabase {
    /// The weighted forecast of the open opportunities held locally (see
    /// ``Forecast``). The probability applied is the one of the
    /// opportunity's current phase in its pipeline; without a known phase,
    /// its own `probability` field; else 0. Opportunities without an amount
    /// count with 0, without an owner under `unassigned`.
    ///
    /// ```swift
    /// let forecast = try database.forecast()
    /// forecast.total.weighted   // Σ amount × probability / 100
    /// ```
    /// - Throws: ``ClientError/corruptRecord(id:reason:)`` when a sum overflows.
    public func forecast() throws -> Forecast {
        try writer.read { db in
            let open = try ProjectionQuery.records("opportunity", where: "\"status\" = 'open'", in: db)
            var entries: [Forecast.Entry] = []
            for opportunity in open {
                let probability =
                    try Self.currentPhase(of: opportunity, in: db)?.probability
                    ?? opportunity.value("probability")?.decimal ?? .zero
                let month = opportunity.value("expectedCloseDate")?.date.map {
                    "\($0.year)-" + ($0.month < 10 ? "0" : "") + "\($0.month)"
                }
                do {
                    entries.append(
                        try Forecast.Entry(
                            opportunity: opportunity.id, owner: opportunity.value("owner")?.text ?? "unassigned",
                            month: month, amount: opportunity.value("amount")?.decimal ?? .zero, probability: probability
                        )
                    )
                } catch {
                    throw ClientError.corruptRecord(id: opportunity.id, reason: "\(error)")
                }
            }
            do { return try Forecast(entries: entries) } catch {
                throw ClientError.corruptRecord(id: "forecast", reason: "\(error)")
            }
        }
    }
}
