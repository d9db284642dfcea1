import FieldbookSync

/// Won revenue: the revenue lines (``ReportDataset/revenueLines(of:)``) of
/// opportunities won in the period (close date), grouped by close month,
/// rep (owner), region (the account's territory) or product. With a
/// product filter only that product's lines count. `opportunities` counts
/// the distinct opportunities contributing to a row.
enum RevenueReport {
    static func compute(_ dataset: ReportDataset, _ filter: ReportFilter, by grouping: RevenueGrouping) throws
        -> ReportResult
    {
        var amounts: [String: [DecimalNumber]] = [:]
        var members: [String: Set<String>] = [:]
        var all: [DecimalNumber] = []
        var contributing = Set<String>()
        for opportunity in dataset.records("opportunity") where opportunity.value("status") == .text("won") {
            let closed = opportunity.value("closeDate")?.date
            guard ReportEngine.opportunity(opportunity, matches: filter, in: dataset), filter.inPeriod(closed) else {
                continue
            }
            for line in dataset.revenueLines(of: opportunity) {
                if let product = filter.product, line.product != product { continue }
                let key: String =
                    switch grouping {
                    case .month: ReportEngine.month(closed)
                    case .rep: opportunity.value("owner")?.text ?? "unassigned"
                    case .region: dataset.territory(ofAccount: opportunity.value("account")?.text) ?? "none"
                    case .product: line.product ?? "none"
                    }
                amounts[key, default: []].append(line.amount)
                members[key, default: []].insert(opportunity.id)
                all.append(line.amount)
                contributing.insert(opportunity.id)
            }
        }
        var rows = try amounts.map { key, values in
            (key: key, count: members[key]?.count ?? 0, amount: try ReportEngine.sum(values))
        }
        if grouping == .month {
            rows.sort { ($0.key == "none" ? "~" : $0.key) < ($1.key == "none" ? "~" : $1.key) }
        } else {
            rows.sort { ($1.amount, $0.key) < ($0.amount, $1.key) }
        }
        return ReportResult(
            kind: .revenue, filter: filter,
            summary: [
                ("by", .text(grouping.rawValue)), ("opportunities", .count(contributing.count)),
                ("amount", .amount(try ReportEngine.sum(all))),
            ],
            sections: [
                ReportSection(
                    name: "rows", title: "Won revenue by \(grouping.rawValue)",
                    columns: [.init("key", grouping.title), .init("name", "Name"),
                              .init("opportunities", "Won"), .init("amount", "Revenue")],
                    rows: rows.map { row in
                        [.text(row.key), .text(grouping == .month ? row.key : dataset.label(row.key)), .count(row.count),
                         .amount(row.amount)]
                    },
                    chart: "amount"
                )
            ]
        )
    }
}
