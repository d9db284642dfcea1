import FieldbookClient
import FieldbookModel
import FieldbookSync
import Foundation
import Testing

@Suite("Service workflows on one replica: tickets, contract renewals, delegation")
struct ServiceWorkflowTests {
    /// A new ticket on a fresh account, opened at `FieldWork.now`.
    private func ticket(_ work: FieldWork) throws -> String {
        let account = try work.account()
        return try work.add(
            "ticket",
            [
                "subject": "Pump leaks", "account": .text(account), "category": "damage", "status": "new",
                "openedAt": FieldWork.now.value, "assignee": "u-rep",
            ])
    }

    @Test func ticketStepsFollowTheWorkflowAndExplainRefusals() throws {
        let work = try FieldWork()
        let db = work.database
        let id = try ticket(work)

        #expect(throws: ServiceError.transitionNotAllowed(ticket: id, step: "close", from: "new", allowedFrom: ["resolved"])) {
            try db.moveTicket(id, .close, measure: "advice")
        }
        #expect(throws: ServiceError.self) { try db.moveTicket(id, .reopen) }
        #expect(try db.moveTicket(id, .wait).value("status") == "waiting")
        #expect(try db.moveTicket(id, .start).value("status") == "in_progress")
        #expect(throws: ServiceError.measureRequired(ticket: id)) { try db.moveTicket(id, .resolve) }
        #expect(throws: ServiceError.unknownMeasure("refund")) { try db.moveTicket(id, .resolve, measure: "refund") }
        #expect(try db.record(id)?.value("status") == "in_progress", "refused steps wrote nothing")

        let resolved = try db.moveTicket(id, .resolve, measure: "exchange", resolution: "new pump sent")
        #expect(resolved.value("measure") == "exchange" && resolved.value("closedAt") == nil)
        let closedAt = UTCDateTime(secondsSinceEpoch: FieldWork.now.secondsSinceEpoch + 2 * 86_400 + 3 * 3600 + 15 * 60)!
        let closed = try db.moveTicket(id, .close, at: closedAt)
        #expect(closed.value("status") == "closed" && closed.value("closedAt") == closedAt.value)
        let handling = try #require(TicketHandlingTime(of: closed, now: FieldWork.now))
        #expect(handling.seconds == (2 * 24 + 3) * 3600 + 15 * 60 && handling.text == "2d 3h 15m")

        // The schema refuses the same jump when written directly (this is what the server checks too).
        #expect(throws: ClientError.self) { try db.edit("ticket", id) { $0.set("status", to: "waiting") } }
        let reopened = try db.moveTicket(id, .reopen)
        #expect(reopened.value("status") == "in_progress")
        #expect(reopened.value("closedAt") == nil || reopened.value("closedAt") == .null, "the closing time is cleared")
    }

    @Test func followUpsAreTasksLinkedToTheTicketAndItsAccount() throws {
        let work = try FieldWork()
        let id = try ticket(work)
        let due = FieldWork.today.adding(days: 2)
        let task = try work.database.addTicketFollowUp(id, subject: "Call back after the exchange", due: due)
        #expect(task.value("kind") == "task" && task.value("ticket") == .text(id))
        #expect(task.value("account") == (try work.database.record(id))?.value("account"))
        #expect(task.value("assignee") == "u-rep" && task.value("dueDate") == due.value)
        #expect(try work.database.ticketActivities(id).map(\.id) == [task.id])
        let list = try work.database.worklist(on: due, timeZone: FieldWork.berlin, options: WorklistOptions(user: "u-rep"))
        #expect(list.tasks.map(\.record.id) == [task.id])
    }

    @Test func aContractsRenewalReminderIsDueBeforeTheNoticeDeadlineAndMovesWithTheEndDate() throws {
        let work = try FieldWork()
        let account = try work.add("account", ["name": "Bauer AG", "owner": "u-rep"])
        let contractID = "ctr-1"
        let end = try #require(CalendarDate(year: 2027, month: 6, day: 30))
        let saved = try work.database.saveContract(contractID) { builder in
            for (field, value): (String, Value) in [
                ("name", "Oil supply"), ("account", .text(account)), ("kind", "supply"), ("startDate", "2026-07-01"),
                ("endDate", end.value), ("noticePeriodDays", 90), ("renewalReminderDays", 14), ("status", "active"),
            ] { builder.set(field, to: value) }
        }
        let reminder = try #require(saved.reminder)
        #expect(reminder.id == ContractRenewal.taskID(forContract: contractID))
        // 2027-06-30 − 90 − 14 days: counted back by hand, 104 days → 2027-03-18.
        #expect(reminder.value("dueDate") == "2027-03-18")
        #expect(reminder.value("assignee") == "u-rep" && reminder.value("status") == "open")

        // Saving again changes nothing; moving the end date moves the same task.
        let again = try work.database.saveContract(contractID) { $0.set("name", to: "Oil supply") }
        #expect(again.reminder == reminder)
        let moved = try work.database.saveContract(contractID) { $0.set("endDate", to: "2027-12-31") }
        #expect(moved.reminder?.id == reminder.id && moved.reminder?.value("dueDate") == "2027-09-18")
        let reminders = try work.database.records("activity").filter { $0.value("generatedBy") == .text(ContractRenewal.marker) }
        #expect(reminders.count == 1)

        let due = try #require(CalendarDate(parsing: "2027-09-18"))
        let list = try work.database.worklist(on: due, timeZone: FieldWork.berlin, options: WorklistOptions(user: "u-rep"))
        #expect(list.tasks.map(\.record.id) == [reminder.id], "the reminder shows in today's list")
        #expect(try work.database.worklist(on: due.adding(days: -1), timeZone: FieldWork.berlin).tasks.isEmpty)

        let terminated = try work.database.saveContract(contractID) { $0.set("status", to: "terminated") }
        #expect(terminated.reminder?.value("status") == "cancelled")
    }

    @Test func delegatingATaskKeepsWhoAndWhenAndMovesItToTheDelegatee() throws {
        let work = try FieldWork()
        let account = try work.account()
        let task = try work.task(account, due: "2026-11-23", assignee: "u-anna")
        let delegated = try work.database.delegateTask(task, to: "u-ben", by: "u-boss")
        #expect(delegated.value("assignee") == "u-ben" && delegated.value("delegatedBy") == "u-boss")
        #expect(delegated.value("delegatedAt") == FieldWork.now.value)
        let bens = try work.database.worklist(on: FieldWork.today, timeZone: FieldWork.berlin, options: WorklistOptions(user: "u-ben"))
        #expect(bens.tasks.map(\.record.id) == [task])
        let annas = try work.database.worklist(on: FieldWork.today, timeZone: FieldWork.berlin, options: WorklistOptions(user: "u-anna"))
        #expect(annas.tasks.isEmpty)
        // Without a delegator the previous assignee counts as the one who handed it on.
        #expect(try work.database.delegateTask(task, to: "u-cara").value("delegatedBy") == "u-ben")

        try work.database.completeTask(task)
        #expect(throws: ServiceError.taskNotOpen(task: task, status: "done")) { try work.database.delegateTask(task, to: "u-anna") }
    }

    @Test func visitsAreDueByTheCareIntervalOfTheClassCountingVisitActivities() throws {
        let work = try FieldWork()
        // Classified by the server: B with 60 days, C with 120 days.
        let lapsed = try work.fromServer("account", ["name": "Lapsed", "abcClass": "B", "careIntervalDays": 60])
        let recent = try work.fromServer("account", ["name": "Recent", "abcClass": "C", "careIntervalDays": 120])
        for (account, day) in [(lapsed, "2026-09-01"), (recent, "2026-09-01")] {
            try work.add(
                "activity",
                ["kind": "visit", "subject": "Visit", "account": .text(account), "occurredAt": .text(day + "T09:00:00Z")])
        }
        let list = try work.database.worklist(on: FieldWork.today, timeZone: FieldWork.berlin)
        #expect(list.visitsDue.map(\.account.id) == [lapsed], "2026-09-01 + 60 days is before today; + 120 is not")
        let due = try #require(list.visitsDue.first)
        #expect(due.lastVisit == CalendarDate(year: 2026, month: 9, day: 1) && due.careIntervalDays == 60)
        #expect(due.dueDate == CalendarDate(year: 2026, month: 10, day: 31), "1 Sep + 60 days, counted by hand")
    }
}
