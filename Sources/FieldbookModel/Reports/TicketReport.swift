import FieldbookSync

/// Ticket statistics: tickets opened in the period (`openedAt`) by category
/// and by status, and the handling time (`closedAt − openedAt`) of closed
/// tickets (status `resolved` or `closed` with a `closedAt` not before
/// `openedAt`): mean and median in hours, two decimals (half up).
/// Rep: the assignee. Territory: the account. Product: the ticket's product.
enum TicketReport {
    static func compute(_ dataset: ReportDataset, _ filter: ReportFilter) throws -> ReportResult {
        var byCategory: [String: (count: Int, durations: [Int64])] = [:]
        var byStatus: [String: Int] = [:]
        var durations: [Int64] = []
        var count = 0
        for ticket in dataset.records("ticket") {
            let opened = ticket.value("openedAt")?.dateTime
            guard filter.matchesRep(ticket.value("assignee")?.text), filter.inPeriod(opened?.date),
                dataset.account(ticket.value("account")?.text, matches: filter),
                filter.product == nil || ticket.value("product")?.text == filter.product
            else { continue }
            let category = ticket.value("category")?.text ?? "none"
            let status = ticket.value("status")?.text ?? "none"
            count += 1
            byStatus[status, default: 0] += 1
            byCategory[category, default: (0, [])].count += 1
            if status == "resolved" || status == "closed", let opened, let closed = ticket.value("closedAt")?.dateTime,
                !(closed < opened)
            {
                let seconds = closed.seconds(since: opened)
                byCategory[category, default: (0, [])].durations.append(seconds)
                durations.append(seconds)
            }
        }
        let categoryRows = try byCategory.keys.sorted().map { category -> [ReportCell] in
            let group = byCategory[category]!
            return [.text(category), .count(group.count), .count(group.durations.count),
                    try mean(group.durations), try median(group.durations)]
        }
        return ReportResult(
            kind: .tickets, filter: filter,
            summary: [
                ("count", .count(count)), ("closed", .count(durations.count)),
                ("meanHours", try mean(durations)), ("medianHours", try median(durations)),
            ],
            sections: [
                ReportSection(
                    name: "categories", title: "Tickets by category",
                    columns: [.init("category", "Category"), .init("count", "Count"), .init("closed", "Closed"),
                              .init("meanHours", "Mean h"), .init("medianHours", "Median h")],
                    rows: categoryRows, chart: "count"
                ),
                ReportSection(
                    name: "statuses", title: "Tickets by status",
                    columns: [.init("status", "Status"), .init("count", "Count")],
                    rows: byStatus.keys.sorted().map { [.text($0), .count(byStatus[$0]!)] }, chart: "count"
                ),
            ]
        )
    }

    /// Mean of `seconds` in hours, or none.
    static func mean(_ seconds: [Int64]) throws -> ReportCell {
        guard !seconds.isEmpty else { return .none }
        let total = try DecimalNumber.sum(seconds.map { DecimalNumber($0) })
        return .decimal(try total.divided(by: DecimalNumber(Int64(seconds.count) * 3600), roundedTo: 2))
    }

    /// Median of `seconds` in hours (the mean of the middle two for an even count), or none.
    static func median(_ seconds: [Int64]) throws -> ReportCell {
        guard !seconds.isEmpty else { return .none }
        let sorted = seconds.sorted()
        let middle = sorted.count / 2
        if sorted.count % 2 == 1 { return .decimal(try DecimalNumber(sorted[middle]).divided(by: 3600, roundedTo: 2)) }
        let pair = try DecimalNumber(sorted[middle - 1]).adding(DecimalNumber(sorted[middle]))
        return .decimal(try pair.divided(by: 7200, roundedTo: 2))
    }
}
