import FieldbookSync

/// Activities per rep and kind. The rep is the activity's owner, else its
/// assignee, else `unassigned`; the period applies to the day it occurred
/// (`occurredAt`, else `completedAt`, else `dueDate`). Territory: the
/// activity's account. `minutes` sums `durationMinutes`.
enum ActivityReport {
    static func compute(_ dataset: ReportDataset, _ filter: ReportFilter) throws -> ReportResult {
        var byRep: [String: (count: Int, minutes: Int)] = [:]
        var byRepAndKind: [String: (count: Int, minutes: Int)] = [:]
        var kinds: [String: (rep: String, kind: String)] = [:]
        var total = (count: 0, minutes: 0)
        for activity in dataset.records("activity") {
            let rep = activity.value("owner")?.text ?? activity.value("assignee")?.text
            let day = activity.value("occurredAt")?.dateTime?.date ?? activity.value("completedAt")?.dateTime?.date
                ?? activity.value("dueDate")?.date
            guard filter.matchesRep(rep), filter.inPeriod(day),
                dataset.account(activity.value("account")?.text, matches: filter)
            else { continue }
            let repKey = rep ?? "unassigned"
            let kind = activity.value("kind")?.text ?? "none"
            let minutes = activity.value("durationMinutes")?.int.map(Int.init) ?? 0
            byRep[repKey, default: (0, 0)].count += 1
            byRep[repKey, default: (0, 0)].minutes += minutes
            let pair = repKey + "\u{0}" + kind
            kinds[pair] = (repKey, kind)
            byRepAndKind[pair, default: (0, 0)].count += 1
            byRepAndKind[pair, default: (0, 0)].minutes += minutes
            total.count += 1
            total.minutes += minutes
        }
        return ReportResult(
            kind: .activities, filter: filter,
            summary: [("count", .count(total.count)), ("minutes", .count(total.minutes))],
            sections: [
                ReportSection(
                    name: "reps", title: "Activities per rep",
                    columns: [.init("rep", "Rep"), .init("name", "Name"), .init("count", "Count"), .init("minutes", "Minutes")],
                    rows: byRep.keys.sorted().map { rep in
                        [.text(rep), .text(dataset.label(rep)), .count(byRep[rep]!.count), .count(byRep[rep]!.minutes)]
                    },
                    chart: "count"
                ),
                ReportSection(
                    name: "repsAndKinds", title: "Activities per rep and kind",
                    columns: [.init("rep", "Rep"), .init("kind", "Kind"), .init("count", "Count"), .init("minutes", "Minutes")],
                    rows: kinds.values.sorted { ($0.rep, $0.kind) < ($1.rep, $1.kind) }.map { pair in
                        let figures = byRepAndKind[pair.rep + "\u{0}" + pair.kind]!
                        return [.text(pair.rep), .text(pair.kind), .count(figures.count), .count(figures.minutes)]
                    }
                ),
            ]
        )
    }
}
