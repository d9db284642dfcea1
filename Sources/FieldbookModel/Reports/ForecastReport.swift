import FieldbookSync

extension Forecast {
    /// The forecast of the open opportunities in `dataset` passing `filter`
    /// (period: expected close date; opportunities without one count only
    /// when no period is given).
    /// - Throws: ``DecimalError`` when a sum overflows.
    public init(dataset: ReportDataset, filter: ReportFilter = ReportFilter()) throws {
        var entries: [Entry] = []
        for opportunity in dataset.records("opportunity") where opportunity.value("status") == .text("open") {
            let close = opportunity.value("expectedCloseDate")?.date
            guard ReportEngine.opportunity(opportunity, matches: filter, in: dataset), filter.inPeriod(close) else {
                continue
            }
            entries.append(
                try Entry(
                    opportunity: opportunity.id, owner: opportunity.value("owner")?.text ?? "unassigned",
                    month: close.map { ReportEngine.month($0) }, amount: opportunity.value("amount")?.decimal ?? .zero,
                    probability: dataset.probability(of: opportunity)
                )
            )
        }
        try self.init(entries: entries)
    }
}

/// The forecast report: ``Forecast`` by month (or by month and rep).
enum ForecastReport {
    static func compute(_ dataset: ReportDataset, _ filter: ReportFilter, byRep: Bool) throws -> ReportResult {
        let forecast = try Forecast(dataset: dataset, filter: filter)
        var sections = [
            ReportSection(
                name: "months", title: "Forecast by expected close month",
                columns: [.init("month", "Month"), .init("count", "Count"), .init("amount", "Amount"),
                          .init("weighted", "Weighted")],
                rows: forecast.byMonth.map { [.text($0.key), .count($0.count), .amount($0.amount), .amount($0.weighted)] },
                chart: "weighted"
            )
        ]
        if byRep {
            sections.append(
                ReportSection(
                    name: "monthsByRep", title: "Forecast by month and rep",
                    columns: [.init("month", "Month"), .init("rep", "Rep"), .init("name", "Name"), .init("count", "Count"),
                              .init("amount", "Amount"), .init("weighted", "Weighted")],
                    rows: forecast.byMonthAndRep.map { group in
                        let parts = group.key.split(separator: "/", maxSplits: 1).map(String.init)
                        let rep = parts.count > 1 ? parts[1] : ""
                        return [.text(parts[0]), .text(rep), .text(dataset.label(rep)), .count(group.count),
                                .amount(group.amount), .amount(group.weighted)]
                    },
                    chart: "weighted"
                )
            )
        }
        return ReportResult(
            kind: .forecast, filter: filter,
            summary: [
                ("count", .count(forecast.total.count)), ("amount", .amount(forecast.total.amount)),
                ("weighted", .amount(forecast.total.weighted)),
            ],
            sections: sections
        )
    }
}
