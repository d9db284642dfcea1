import FieldbookClient
import FieldbookModel
import FieldbookSync
import Foundation
import GRDB
import Testing

/// A replica at a fixed time with helpers to create records as the rep
/// (validated local writes) or as the server (back-office fields, ERP records).
final class FieldWork {
    static let now = UTCDateTime(parsing: "2026-11-23T08:00:00Z")!
    static let today = CalendarDate(year: 2026, month: 11, day: 23)!
    static let berlin = TimeZone(identifier: "Europe/Berlin")!

    let database: ClientDatabase
    private var serverCounter: UInt64 = 0

    init() throws {
        database = try ClientDatabase.inMemory(clock: ManualClock(millis: UInt64(Self.now.secondsSinceEpoch) * 1000))
    }

    /// A UTC instant from `YYYY-MM-DDTHH:MM` (UTC).
    static func utc(_ text: String) -> UTCDateTime { UTCDateTime(parsing: text + ":00Z")! }

    /// The instant of a local wall-clock time in `zone`.
    static func local(_ text: String, _ zone: TimeZone = berlin) -> UTCDateTime {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm"
        return UTCDateTime(secondsSinceEpoch: Int64(formatter.date(from: text)!.timeIntervalSince1970))!
    }

    /// Creates (or edits) a record through a validated local write.
    @discardableResult
    func add(
        _ entity: String, id: String = ClientDatabase.newRecordID(), _ values: [String: Value],
        adding elements: [String: [String]] = [:]
    ) throws -> String {
        try database.edit(entity, id) { builder in
            for (field, value) in values { builder.set(field, to: value) }
            for (field, list) in elements { for element in list { builder.add(element, to: field) } }
        }
        return id
    }

    /// Applies a change as if it came from the server.
    @discardableResult
    func fromServer(_ entity: String, id: String = ClientDatabase.newRecordID(), _ values: [String: Value]) throws
        -> String
    {
        var builder = ChangeBuilder(state: try database.record(id) ?? RecordState(entity: entity, id: id))
        for (field, value) in values { builder.set(field, to: value) }
        serverCounter += 1
        let change = Change(
            entity: entity, record: id, dot: Dot(replica: ReplicaID(unchecked: "server"), counter: serverCounter),
            time: HybridTimestamp(millis: UInt64(Self.now.secondsSinceEpoch) * 1000), ops: builder.operations
        )
        try database.applyRemote([change])
        return id
    }

    /// An account named `name`.
    func account(_ name: String = "Müller GmbH") throws -> String { try add("account", ["name": .text(name)]) }

    /// A task on `account`.
    @discardableResult
    func task(_ account: String, due: String, status: String = "open", assignee: String = "u-rep") throws -> String {
        try add(
            "activity",
            [
                "kind": "task", "subject": "Follow up", "account": .text(account), "assignee": .text(assignee),
                "dueDate": .text(due), "status": .text(status),
            ])
    }

    /// An appointment from `start` to `end`.
    @discardableResult
    func appointment(
        _ start: UTCDateTime, _ end: UTCDateTime, account: String? = nil, organizer: String? = nil,
        status: String? = nil
    ) throws -> String {
        var values: [String: Value] = ["subject": "Visit", "start": start.value, "end": end.value]
        if let account { values["account"] = .text(account) }
        if let organizer { values["organizer"] = .text(organizer) }
        if let status { values["status"] = .text(status) }
        return try add("appointment", values)
    }
}

@Suite("Worklist")
struct WorklistTests {
    @Test func collectsEveryCategoryForTheDay() throws {
        let work = try FieldWork()
        let account = try work.account()

        let morning = try work.appointment(
            FieldWork.local("2026-11-23T09:00"), FieldWork.local("2026-11-23T10:00"), account: account)
        let lateEvening = try work.appointment(FieldWork.local("2026-11-23T23:30"), FieldWork.local("2026-11-23T23:59"))
        try work.appointment(FieldWork.local("2026-11-24T00:30"), FieldWork.local("2026-11-24T01:00"))  // tomorrow, local
        try work.appointment(
            FieldWork.local("2026-11-23T15:00"), FieldWork.local("2026-11-23T16:00"), status: "cancelled")

        let overdue = try work.task(account, due: "2026-11-20")
        let dueToday = try work.task(account, due: "2026-11-23", status: "in_progress")
        try work.task(account, due: "2026-11-24")
        try work.task(account, due: "2026-11-22", status: "done")

        @discardableResult func offer(status: String, validUntil: String) throws -> String {
            try work.database.createOffer(offerDate: CalendarDate(year: 2026, month: 11, day: 1)!) { change in
                change.set("account", to: .text(account))
                change.set("taxRate", to: "19.00")
                change.set("validUntil", to: .text(validUntil))
                if status != "draft" { change.set("status", to: .text(status)) }
            }.id
        }
        let expiring = try offer(status: "sent", validUntil: "2026-11-26")
        let expired = try offer(status: "sent", validUntil: "2026-11-20")
        try offer(status: "sent", validUntil: "2026-12-31")
        try offer(status: "draft", validUntil: "2026-11-24")

        let lapsed = try work.fromServer(
            "account", ["name": "Lapsed", "careIntervalDays": 30, "lastVisitDate": "2026-10-01"])
        let fresh = try work.fromServer(
            "account", ["name": "Fresh", "careIntervalDays": 30, "lastVisitDate": "2026-10-01"])
        try work.add("visit_report", ["account": .text(fresh), "visitDate": "2026-11-10"])  // a report counts as a visit
        let never = try work.fromServer("account", ["name": "Never", "careIntervalDays": 90])
        try work.fromServer("account", ["name": "Inactive", "careIntervalDays": 7, "status": "inactive"])

        @discardableResult func contract(_ end: String, notice: Int64? = nil, status: String = "active") throws
            -> String
        {
            var values: [String: Value] = [
                "name": "Service", "account": .text(account), "kind": "service", "startDate": "2025-01-01",
                "endDate": .text(end), "status": .text(status),
            ]
            if let notice { values["noticePeriodDays"] = .int(notice) }
            return try work.add("contract", values)
        }
        let endingSoon = try contract("2026-12-10")
        let noticeSoon = try contract("2027-02-28", notice: 90)
        try contract("2027-06-30")
        try contract("2026-12-01", status: "terminated")

        let list = try work.database.worklist(on: FieldWork.today, timeZone: FieldWork.berlin)
        #expect(list.appointments.map(\.id) == [morning, lateEvening])
        #expect(list.tasks.map(\.record.id) == [overdue, dueToday])
        #expect(list.tasks.map(\.isOverdue) == [true, false])
        #expect(list.offers.map(\.record.id) == [expired, expiring])
        #expect(list.offers.map(\.daysLeft) == [-3, 3])
        #expect(list.visitsDue.map(\.account.id) == [lapsed, never])
        #expect(list.visitsDue.first?.dueDate == CalendarDate(year: 2026, month: 10, day: 31))
        #expect(list.visitsDue.first?.daysOverdue == 23)
        #expect(list.visitsDue.last?.lastVisit == nil)
        #expect(list.renewals.map(\.contract.id) == [noticeSoon, endingSoon])
        #expect(list.renewals.first?.noticeDeadline == CalendarDate(year: 2026, month: 11, day: 30))
        #expect(list.renewals.last?.daysLeft == 17)
    }

    @Test func theDayFollowsTheUsersTimeZone() throws {
        let work = try FieldWork()
        // 2026-11-23T20:00Z is still the 23rd in New York but already the 24th in Auckland.
        let id = try work.appointment(FieldWork.utc("2026-11-23T20:00"), FieldWork.utc("2026-11-23T21:00"))
        let newYork = TimeZone(identifier: "America/New_York")!
        let auckland = TimeZone(identifier: "Pacific/Auckland")!
        #expect(try work.database.worklist(on: FieldWork.today, timeZone: newYork).appointments.map(\.id) == [id])
        #expect(try work.database.worklist(on: FieldWork.today, timeZone: auckland).appointments.isEmpty)
        let tomorrow = FieldWork.today.adding(days: 1)
        #expect(try work.database.worklist(on: tomorrow, timeZone: auckland).appointments.map(\.id) == [id])
    }

    @Test func aUserSeesOnlyTheirItems() throws {
        let work = try FieldWork()
        let account = try work.account()
        let mine = try work.task(account, due: "2026-11-23", assignee: "u-anna")
        try work.task(account, due: "2026-11-23", assignee: "u-ben")
        let meeting = try work.appointment(
            FieldWork.local("2026-11-23T09:00"), FieldWork.local("2026-11-23T10:00"), organizer: "u-anna"
        )
        try work.appointment(
            FieldWork.local("2026-11-23T11:00"), FieldWork.local("2026-11-23T12:00"), organizer: "u-ben")
        let list = try work.database.worklist(
            on: FieldWork.today, timeZone: FieldWork.berlin, options: WorklistOptions(user: "u-anna")
        )
        #expect(list.tasks.map(\.record.id) == [mine])
        #expect(list.appointments.map(\.id) == [meeting])
        #expect(try work.database.worklist(on: FieldWork.today, timeZone: FieldWork.berlin).tasks.count == 2)
    }

    @Test func theWindowsAreOptions() throws {
        let work = try FieldWork()
        let account = try work.account()
        let offer = try work.database.createOffer(offerDate: FieldWork.today) { change in
            change.set("account", to: .text(account))
            change.set("taxRate", to: "19.00")
            change.set("validUntil", to: "2026-12-10")
            change.set("status", to: "sent")
        }
        #expect(try work.database.worklist(on: FieldWork.today, timeZone: FieldWork.berlin).offers.isEmpty)
        let wide = WorklistOptions(offerFollowUpDays: 30)
        #expect(
            try work.database.worklist(on: FieldWork.today, timeZone: FieldWork.berlin, options: wide).offers.map(
                \.record.id) == [offer.id])
    }

    @Test func worklistQueriesUseTheirIndexes() throws {
        let work = try FieldWork()
        let indexes = try work.database.read { db in
            try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND name IN (?, ?, ?, ?)",
                arguments: [
                    "e_activity_open_tasks", "e_offer_sent_validity", "e_appointment_organizer_start", "e_account_care",
                ])
        }
        #expect(Set(indexes).count == 4)
        let plan = try work.database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    EXPLAIN QUERY PLAN SELECT id FROM e_activity WHERE _deleted = 0 AND (kind = 'task' AND \
                    status IN ('open', 'in_progress') AND "dueDate" <= ?) ORDER BY "dueDate", id
                    """,
                arguments: ["2026-11-23"]
            ).map { $0["detail"] as String }.joined(separator: "; ")
        }
        #expect(plan.contains("e_activity_open_tasks"))
    }

    @Test func emptyWorklist() throws {
        let list = try FieldWork().database.worklist(on: FieldWork.today, timeZone: FieldWork.berlin)
        #expect(list.isEmpty)
        #expect(list.date == FieldWork.today)
    }
}
