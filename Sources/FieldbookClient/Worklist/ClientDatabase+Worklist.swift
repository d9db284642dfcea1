import FieldbookModel
import FieldbookSync
import Foundation
import GRDB

extension ClientDatabase {
    /// The Home worklist for `date` in the user's `timeZone`: the day's
    /// appointments, due and overdue open tasks, sent offers to follow up,
    /// visits due by care interval and contract renewals due — read from one
    /// consistent snapshot, each category by an indexed query.
    ///
    /// ```swift
    /// let today = CalendarDate(year: 2026, month: 11, day: 23)!
    /// let list = try database.worklist(on: today, timeZone: TimeZone(identifier: "Europe/Berlin")!)
    /// ```
    public func worklist(
        on date: CalendarDate, timeZone: TimeZone, options: WorklistOptions = WorklistOptions()
    ) throws -> Worklist {
        try read { db in try self.worklist(on: date, timeZone: timeZone, options: options, in: db) }
    }

    /// ``worklist(on:timeZone:options:)`` inside an observation, so a Home
    /// screen updates after local edits and sync:
    ///
    /// ```swift
    /// for try await list in database.observe({ db in
    ///     try database.worklist(on: today, timeZone: zone, options: WorklistOptions(), in: db)
    /// }) { render(list) }
    /// ```
    public func worklist(
        on date: CalendarDate, timeZone: TimeZone, options: WorklistOptions, in db: Database
    ) throws -> Worklist {
        let query = WorklistQuery(date: date, timeZone: timeZone, options: options, db: db)
        return Worklist(
            date: date, appointments: try query.appointments(), tasks: try query.tasks(), offers: try query.offers(),
            visitsDue: try query.visitsDue(), renewals: try query.renewals()
        )
    }
}

/// The queries behind ``Worklist``, one per category.
struct WorklistQuery {
    let date: CalendarDate
    let timeZone: TimeZone
    let options: WorklistOptions
    let db: Database

    /// `AND <column> = ?` for the user filter, with its argument.
    private func userFilter(_ column: String, alias: String = "") -> (sql: String, arguments: [String]) {
        guard let user = options.user else { return ("", []) }
        return (" AND \(alias)\(column) = ?", [user])
    }

    func appointments() throws -> [RecordState] {
        let day = LocalCalendar.interval(of: date, in: timeZone)
        let user = userFilter("organizer")
        return try ProjectionQuery.records(
            "appointment",
            where: "\"start\" < ? AND \"end\" > ? AND (status IS NULL OR status <> 'cancelled')" + user.sql,
            arguments: StatementArguments([day.end.description, day.start.description] + user.arguments),
            orderBy: "\"start\"", in: db
        )
    }

    func tasks() throws -> [Worklist.DueTask] {
        let user = userFilter("assignee")
        let records = try ProjectionQuery.records(
            "activity", where: "kind = 'task' AND \(TaskQuery.openCondition) AND \"dueDate\" <= ?" + user.sql,
            arguments: StatementArguments([date.description] + user.arguments), orderBy: "\"dueDate\"", in: db
        )
        return records.compactMap { record in
            guard let due = record.value("dueDate")?.date else { return nil }
            return Worklist.DueTask(record: record, dueDate: due, isOverdue: due < date)
        }
    }

    func offers() throws -> [Worklist.OfferFollowUp] {
        let user = userFilter("owner")
        let horizon = date.adding(days: max(0, options.offerFollowUpDays))
        let records = try ProjectionQuery.records(
            "offer", where: "status = 'sent' AND \"validUntil\" <= ?" + user.sql,
            arguments: StatementArguments([horizon.description] + user.arguments), orderBy: "\"validUntil\"", in: db
        )
        return records.compactMap { record in
            guard let validUntil = record.value("validUntil")?.date else { return nil }
            return Worklist.OfferFollowUp(
                record: record, validUntil: validUntil, daysLeft: validUntil.daysSinceEpoch - date.daysSinceEpoch
            )
        }
    }

    func visitsDue() throws -> [Worklist.VisitDue] {
        let user = userFilter("owner", alias: "a.")
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT a.id, a."lastVisitDate" AS lastVisitDate, a."careIntervalDays" AS interval,
                    (SELECT MAX(r."visitDate") FROM e_visit_report r
                        WHERE r._deleted = 0 AND r.account = a.id) AS lastReport,
                    (SELECT MAX(x."occurredAt") FROM e_activity x
                        WHERE x._deleted = 0 AND x.account = a.id AND x.kind = 'visit') AS lastActivity
                FROM e_account a
                WHERE a._deleted = 0 AND a."careIntervalDays" IS NOT NULL
                    AND (a.status IS NULL OR a.status <> 'inactive')\(user.sql)
                """,
            arguments: StatementArguments(user.arguments)
        )
        var due: [Worklist.VisitDue] = []
        for row in rows {
            let interval: Int = row["interval"]
            let activityDay = (row["lastActivity"] as String?).flatMap(UTCDateTime.init(parsing:))
                .map { LocalCalendar.day(of: $0, in: timeZone) }
            let dates = [
                (row["lastVisitDate"] as String?).flatMap(CalendarDate.init(parsing:)),
                (row["lastReport"] as String?).flatMap(CalendarDate.init(parsing:)), activityDay,
            ]
            let lastVisit = dates.compactMap { $0 }.max()
            let dueDate = lastVisit.map { $0.adding(days: interval) } ?? date
            guard dueDate <= date, let account = try RecordRow.fetch(row["id"], in: db) else { continue }
            due.append(
                Worklist.VisitDue(
                    account: account, lastVisit: lastVisit, careIntervalDays: interval, dueDate: dueDate,
                    daysOverdue: date.daysSinceEpoch - dueDate.daysSinceEpoch
                )
            )
        }
        return due.sorted { ($0.dueDate, $0.account.id) < ($1.dueDate, $1.account.id) }
    }

    func renewals() throws -> [Worklist.RenewalDue] {
        let user = userFilter("owner")
        let records = try ProjectionQuery.records(
            "contract", where: "\"endDate\" >= ? AND (status IS NULL OR status = 'active')" + user.sql,
            arguments: StatementArguments([date.description] + user.arguments), orderBy: "\"endDate\"", in: db
        )
        var due: [(action: CalendarDate, item: Worklist.RenewalDue)] = []
        for record in records {
            guard let end = record.value("endDate")?.date else { continue }
            let notice = record.value("noticePeriodDays")?.int.map { end.adding(days: -Int($0)) }
            let window = record.value("renewalReminderDays")?.int.map(Int.init) ?? options.renewalWindowDays
            let action = notice ?? end
            guard action.adding(days: -max(0, window)) <= date else { continue }
            let item = Worklist.RenewalDue(
                contract: record, endDate: end, noticeDeadline: notice,
                daysLeft: end.daysSinceEpoch - date.daysSinceEpoch
            )
            due.append((action, item))
        }
        return due.sorted { ($0.action, $0.item.contract.id) < ($1.action, $1.item.contract.id) }.map(\.item)
    }
}
