import FieldbookSync

/// The pipeline funnel: open opportunities by phase with count, amount and
/// weighted amount (each opportunity's amount × its phase probability,
/// rounded to cents, as in ``Forecast``). Period: expected close date.
/// Phases in pipeline order; a phase ID no pipeline knows is listed by its
/// ID (name `unknown phase`) after them, opportunities without a phase last (`none`).
enum FunnelReport {
    static func compute(_ dataset: ReportDataset, _ filter: ReportFilter) throws -> ReportResult {
        var groups: [String: (count: Int, amounts: [DecimalNumber], weighted: [DecimalNumber])] = [:]
        for opportunity in dataset.records("opportunity") where opportunity.value("status") == .text("open") {
            guard ReportEngine.opportunity(opportunity, matches: filter, in: dataset),
                filter.inPeriod(opportunity.value("expectedCloseDate")?.date)
            else { continue }
            let amount = opportunity.value("amount")?.decimal ?? .zero
            let weighted = try amount.percentage(dataset.probability(of: opportunity), roundedTo: 2)
            let key = opportunity.value("phase")?.text ?? "none"
            groups[key, default: (0, [], [])].count += 1
            groups[key, default: (0, [], [])].amounts.append(amount)
            groups[key, default: (0, [], [])].weighted.append(weighted)
        }
        let known = dataset.phaseOrder
        let knownIDs = Set(known.map(\.id))
        var keys = known.map(\.id).filter { groups[$0] != nil }
        keys += groups.keys.filter { !knownIDs.contains($0) && $0 != "none" }.sorted()
        if groups["none"] != nil { keys.append("none") }
        var rows: [[ReportCell]] = []
        for key in keys {
            let group = groups[key]!
            let name = known.first { $0.id == key }?.name ?? (key == "none" ? "no phase" : "unknown phase")
            rows.append([
                .text(key), .text(name), .count(group.count), .amount(try ReportEngine.sum(group.amounts)),
                .amount(try ReportEngine.sum(group.weighted)),
            ])
        }
        let all = groups.values
        return ReportResult(
            kind: .funnel, filter: filter,
            summary: [
                ("count", .count(all.reduce(0) { $0 + $1.count })),
                ("amount", .amount(try ReportEngine.sum(all.flatMap(\.amounts)))),
                ("weighted", .amount(try ReportEngine.sum(all.flatMap(\.weighted)))),
            ],
            sections: [
                ReportSection(
                    name: "phases", title: "Pipeline funnel (open opportunities by phase)",
                    columns: [.init("phase", "Phase"), .init("name", "Name"), .init("count", "Count"),
                              .init("amount", "Amount"), .init("weighted", "Weighted")],
                    rows: rows, chart: "weighted"
                )
            ]
        )
    }
}
