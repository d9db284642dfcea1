import FieldbookSync

/// Win rate: of the opportunities closed in the period (close date),
/// won / (won + lost) in percent (cancelled ones are listed but do not
/// count), and the loss reasons (`closeReason` of lost opportunities) by
/// count, then amount.
enum WinRateReport {
    static let outcomes = ["won", "lost", "cancelled"]

    static func compute(_ dataset: ReportDataset, _ filter: ReportFilter) throws -> ReportResult {
        var byOutcome: [String: [DecimalNumber]] = [:]
        var reasons: [String: [DecimalNumber]] = [:]
        for opportunity in dataset.records("opportunity") {
            guard let status = opportunity.value("status")?.text, outcomes.contains(status),
                ReportEngine.opportunity(opportunity, matches: filter, in: dataset),
                filter.inPeriod(opportunity.value("closeDate")?.date)
            else { continue }
            let amount = opportunity.value("amount")?.decimal ?? .zero
            byOutcome[status, default: []].append(amount)
            if status == "lost" {
                let reason = opportunity.value("closeReason")?.text ?? "none"
                reasons[reason, default: []].append(amount)
            }
        }
        let won = byOutcome["won"]?.count ?? 0
        let lost = byOutcome["lost"]?.count ?? 0
        let rate = try ReportEngine.percent(won, of: won + lost)
        let reasonRows = try reasons.map { reason, amounts in
            (reason: reason, count: amounts.count, amount: try ReportEngine.sum(amounts))
        }.sorted { ($1.count, $0.reason) < ($0.count, $1.reason) }
        return ReportResult(
            kind: .winRate, filter: filter,
            summary: [
                ("won", .count(won)), ("lost", .count(lost)), ("cancelled", .count(byOutcome["cancelled"]?.count ?? 0)),
                ("winRate", rate.map(ReportCell.decimal) ?? .none),
            ],
            sections: [
                ReportSection(
                    name: "outcomes", title: "Closed opportunities by outcome",
                    columns: [.init("status", "Outcome"), .init("count", "Count"), .init("amount", "Amount")],
                    rows: try outcomes.map { [.text($0), .count(byOutcome[$0]?.count ?? 0), .amount(try ReportEngine.sum(byOutcome[$0] ?? []))] },
                    chart: "count"
                ),
                ReportSection(
                    name: "lossReasons", title: "Loss reasons",
                    columns: [.init("reason", "Reason"), .init("count", "Count"), .init("amount", "Amount")],
                    rows: reasonRows.map { [.text($0.reason), .count($0.count), .amount($0.amount)] }, chart: "count"
                ),
            ]
        )
    }
}
