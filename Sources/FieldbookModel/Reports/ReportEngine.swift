import FieldbookSync

/// Computes reports from a ``ReportDataset`` — the one implementation the
/// client and the server share.
///
/// ```swift
/// let dataset = ReportDataset(records: records)
/// let funnel = try ReportEngine.run(.funnel, on: dataset, filter: ReportFilter(rep: "u-anna"))
/// funnel.section("phases")?.row("proposal")?["weighted"]
/// ```
public enum ReportEngine {
    /// Computes `kind` over `dataset` with `filter`; `by` groups the revenue
    /// report (default month) and the forecast (`month` or `rep`).
    /// - Throws: ``ReportError`` for a grouping the report does not know,
    ///   ``DecimalError`` when a sum overflows.
    public static func run(_ kind: ReportKind, on dataset: ReportDataset, filter: ReportFilter, by: String? = nil) throws
        -> ReportResult
    {
        switch kind {
        case .funnel:
            try refuseGrouping(by, for: kind)
            return try FunnelReport.compute(dataset, filter)
        case .forecast:
            guard by == nil || by == "month" || by == "rep" else {
                throw ReportError.unknownGrouping(report: kind.rawValue, given: by ?? "", allowed: ["month", "rep"])
            }
            return try ForecastReport.compute(dataset, filter, byRep: by == "rep")
        case .winRate:
            try refuseGrouping(by, for: kind)
            return try WinRateReport.compute(dataset, filter)
        case .revenue:
            let grouping = try by.map { text in
                guard let grouping = RevenueGrouping(rawValue: text) else {
                    throw ReportError.unknownGrouping(
                        report: kind.rawValue, given: text, allowed: RevenueGrouping.allCases.map(\.rawValue)
                    )
                }
                return grouping
            } ?? .month
            return try RevenueReport.compute(dataset, filter, by: grouping)
        case .activities:
            try refuseGrouping(by, for: kind)
            return try ActivityReport.compute(dataset, filter)
        case .campaigns:
            try refuseGrouping(by, for: kind)
            return try CampaignReport.compute(dataset, filter)
        case .tickets:
            try refuseGrouping(by, for: kind)
            return try TicketReport.compute(dataset, filter)
        }
    }

    private static func refuseGrouping(_ by: String?, for kind: ReportKind) throws(ReportError) {
        if let by { throw ReportError.unknownGrouping(report: kind.rawValue, given: by, allowed: []) }
    }

    /// Whether an opportunity passes the rep, phase, territory and product
    /// filters (the period is checked by each report on its own date).
    static func opportunity(_ opportunity: RecordState, matches filter: ReportFilter, in dataset: ReportDataset) -> Bool {
        guard filter.matchesRep(opportunity.value("owner")?.text) else { return false }
        if let phase = filter.phase, opportunity.value("phase")?.text != phase { return false }
        guard dataset.account(opportunity.value("account")?.text, matches: filter) else { return false }
        if let product = filter.product, !dataset.products(of: opportunity).contains(product) { return false }
        return true
    }

    /// `YYYY-MM` of a date, `none` without one.
    static func month(_ date: CalendarDate?) -> String {
        guard let date else { return "none" }
        return "\(date.year)-" + (date.month < 10 ? "0" : "") + "\(date.month)"
    }

    /// Σ of amounts at two decimals.
    static func sum(_ amounts: [DecimalNumber]) throws -> DecimalNumber {
        try DecimalNumber.sum(amounts).rescaled(to: 2)
    }

    /// `part × 100 / whole` at two decimals; nil when `whole` is 0.
    static func percent(_ part: Int, of whole: Int) throws -> DecimalNumber? {
        guard whole > 0 else { return nil }
        return try DecimalNumber(Int64(part) * 100).divided(by: DecimalNumber(Int64(whole)), roundedTo: 2)
    }
}

/// A report request the engine refuses.
public enum ReportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// `by` names a grouping the report does not have.
    case unknownGrouping(report: String, given: String, allowed: [String])
    /// No report of that name.
    case unknownReport(String)

    public var description: String {
        switch self {
        case .unknownGrouping(let report, let given, let allowed):
            allowed.isEmpty
                ? "the \(report) report has no grouping (got \"\(given)\")"
                : "the \(report) report groups by \(allowed.joined(separator: ", ")), not \"\(given)\""
        case .unknownReport(let name):
            "no report \"\(name)\"; reports: \(ReportKind.allCases.map(\.rawValue).joined(separator: ", "))"
        }
    }
}
