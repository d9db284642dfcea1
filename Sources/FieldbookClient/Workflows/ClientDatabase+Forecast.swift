import FieldbookModel
import FieldbookSync
import GRDB

extension ClientDatabase {
    /// The weighted forecast of the open opportunities held locally (see
    /// ``Forecast``, computed by ``Forecast/init(dataset:filter:)`` like the
    /// `forecast` report). The probability applied is the one of the
    /// opportunity's current phase in its pipeline; without a known phase,
    /// its own `probability` field; else 0. Opportunities without an amount
    /// count with 0, without an owner under `unassigned`.
    ///
    /// ```swift
    /// let forecast = try database.forecast()
    /// forecast.total.weighted   // Σ amount × probability / 100
    /// ```
    /// - Throws: ``ClientError/corruptRecord(id:reason:)`` when a sum overflows.
    public func forecast(filter: ReportFilter = ReportFilter()) throws -> Forecast {
        let dataset = try reportDataset()
        do { return try Forecast(dataset: dataset, filter: filter) } catch {
            throw ClientError.corruptRecord(id: "forecast", reason: "\(error)")
        }
    }
}
