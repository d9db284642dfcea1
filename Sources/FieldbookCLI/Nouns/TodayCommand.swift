import ArgumentParser
import FieldbookClient
import FieldbookModel
import FieldbookSync

/// `fieldbook today`: the Home worklist — today's appointments, due and
/// overdue tasks, offers to follow up, visits due by care interval and
/// contract renewals due.
struct TodayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "today",
        abstract: "Your Home worklist: appointments, due tasks, follow-ups, visits and renewals due.",
        discussion: """
            JSON keys: date, appointments, tasks (each with overdue), offers (with daysLeft), \
            visitsDue (accounts with lastVisit, dueDate, daysOverdue) and renewals (contracts with \
            noticeDeadline, daysLeft); records carry their schema field names.
            """
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "Another day than today, e.g. tomorrow or 2026-11-30.") var date: String?
    @Option(help: "List sent offers expiring within this many days.") var offerDays = 7
    @Option(help: "List contracts ending (or with a notice deadline) within this many days.") var renewalDays = 30
    @Option(help: "Only this user's items (user ID).") var user: String?

    func run() async throws {
        let context = try CLIContext.open(global)
        var day = context.today
        if let date {
            guard let parsed = DateInput.parseDate(date, timeZone: context.timeZone, now: context.now) else {
                throw CLIError("--date: expected a date such as 2026-11-23, today or friday", exitCode: 2)
            }
            day = parsed
        }
        let options = WorklistOptions(offerFollowUpDays: offerDays, renewalWindowDays: renewalDays, user: user)
        let worklist = try context.database.worklist(on: day, timeZone: context.timeZone, options: options)
        let view = TodayView(tables: RecordTables(context: context))
        context.emit(view.json(worklist), human: view.render(worklist))
    }
}

/// The worklist as sections of tables, or as JSON.
struct TodayView {
    let tables: RecordTables

    func json(_ list: Worklist) -> JSONValue {
        func record(_ state: RecordState, _ extra: [String: JSONValue]) -> JSONValue {
            guard case .object(var members) = tables.presenter.json(state) else { return .null }
            for (key, value) in extra { members[key] = value }
            return .object(members)
        }
        return [
            "date": .string(list.date.description),
            "appointments": .array(list.appointments.map { record($0, [:]) }),
            "tasks": .array(list.tasks.map { record($0.record, ["overdue": .bool($0.isOverdue)]) }),
            "offers": .array(list.offers.map { record($0.record, ["daysLeft": .int(Int64($0.daysLeft))]) }),
            "visitsDue": .array(
                list.visitsDue.map {
                    record(
                        $0.account,
                        [
                            "lastVisit": .optional($0.lastVisit?.description),
                            "dueDate": .string($0.dueDate.description),
                            "daysOverdue": .int(Int64($0.daysOverdue)),
                        ])
                }
            ),
            "renewals": .array(
                list.renewals.map {
                    record(
                        $0.contract,
                        [
                            "noticeDeadline": .optional($0.noticeDeadline?.description),
                            "daysLeft": .int(Int64($0.daysLeft)),
                        ])
                }
            ),
        ]
    }

    func render(_ list: Worklist) -> String {
        let t = tables
        let day = list.date
        let appointments = t.table(
            list.appointments,
            [
                t.id, ("TIME", { t.time($0.value("start"), on: day) + "–" + t.time($0.value("end"), on: day) }),
                t.field("subject"), t.field("location"), t.reference("account"),
            ])
        let tasks = t.table(
            list.tasks.map(\.record),
            [
                t.id, ("DUE", { record in Self.due(record, on: day) }), t.field("subject"), t.reference("account"),
                t.reference("assignee"),
            ])
        let offers = t.table(
            list.offers.map(\.record),
            [
                t.id, ("NUMBER", { $0.value("provisionalNumber")?.text ?? "" }), t.reference("account"),
                t.field("grossTotal", "GROSS"),
                ("VALID UNTIL", { record in Self.relative(record.value("validUntil"), to: day) }),
            ])
        let visits = t.table(
            list.visitsDue.map(\.account),
            [
                t.id, t.field("name", "ACCOUNT"),
                (
                    "LAST VISIT",
                    { account in list.visitsDue.first { $0.account.id == account.id }?.lastVisit?.description ?? "never"
                    }
                ),
                t.field("careIntervalDays", "INTERVAL"),
                (
                    "DUE",
                    { account in
                        Self.relative(list.visitsDue.first { $0.account.id == account.id }?.dueDate.value, to: day)
                    }
                ),
            ])
        let renewals = t.table(
            list.renewals.map(\.contract),
            [
                t.id, t.field("name", "CONTRACT"), t.reference("account"),
                ("ENDS", { Self.relative($0.value("endDate"), to: day) }),
                (
                    "NOTICE BY",
                    { contract in
                        list.renewals.first { $0.contract.id == contract.id }?.noticeDeadline?.description ?? ""
                    }
                ),
            ])
        return [
            "Worklist for \(day)" + (list.isEmpty ? " — nothing due." : ""),
            RecordTables.section("Appointments", count: list.appointments.count, appointments),
            RecordTables.section("Tasks due", count: list.tasks.count, tasks),
            RecordTables.section("Offers to follow up", count: list.offers.count, offers),
            RecordTables.section("Visits due", count: list.visitsDue.count, visits),
            RecordTables.section("Renewals due", count: list.renewals.count, renewals),
        ].joined(separator: "\n\n")
    }

    /// `today`, or the due date with how overdue it is.
    static func due(_ task: RecordState, on day: CalendarDate) -> String {
        guard let due = task.value("dueDate")?.date else { return "" }
        return due == day ? "today" : relative(due.value, to: day)
    }

    /// A date with its distance from `day`: `2026-11-20 (3 days ago)`, `2026-11-25 (in 2 days)`.
    static func relative(_ value: Value?, to day: CalendarDate) -> String {
        guard let date = value?.date else { return "" }
        let days = date.daysSinceEpoch - day.daysSinceEpoch
        let plural = abs(days) == 1 ? "" : "s"
        switch days {
        case 0: return "\(date) (today)"
        case ..<0: return "\(date) (\(-days) day\(plural) ago)"
        default: return "\(date) (in \(days) day\(plural))"
        }
    }
}
