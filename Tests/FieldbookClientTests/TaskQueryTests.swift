import FieldbookClient
import FieldbookModel
import FieldbookSync
import Testing

@Suite("Tasks")
struct TaskQueryTests {
    @Test func dueWindowsAssigneeAndOpenFilter() throws {
        let work = try FieldWork()
        let account = try work.account()
        let overdue = try work.task(account, due: "2026-11-20")
        let overdueDone = try work.task(account, due: "2026-11-21", status: "done")
        let today = try work.task(account, due: "2026-11-23", assignee: "u-ben")
        let sunday = try work.task(account, due: "2026-11-29", status: "in_progress")
        let later = try work.task(account, due: "2026-11-30")
        let db = work.database
        let day = FieldWork.today
        #expect(try db.tasks(today: day).map(\.id) == [overdue, overdueDone, today, sunday, later])
        #expect(try db.tasks(TaskQuery(due: .today), today: day).map(\.id) == [today])
        #expect(try db.tasks(TaskQuery(due: .overdue), today: day).map(\.id) == [overdue])
        #expect(try db.tasks(TaskQuery(due: .week), today: day).map(\.id) == [today, sunday])
        #expect(try db.tasks(TaskQuery(assignee: "u-ben"), today: day).map(\.id) == [today])
        #expect(try db.tasks(TaskQuery(openOnly: true), today: day).map(\.id) == [overdue, today, sunday, later])
        #expect(try db.tasks(TaskQuery(account: "elsewhere"), today: day).isEmpty)
    }

    @Test func historyIsNotATask() throws {
        let work = try FieldWork()
        let account = try work.account()
        try work.add(
            "activity",
            ["kind": "call", "subject": "Call", "account": .text(account), "occurredAt": "2026-11-20T09:00:00Z"])
        #expect(try work.database.tasks(today: FieldWork.today).isEmpty)
    }

    @Test func completingATaskOnce() throws {
        let work = try FieldWork()
        let task = try work.task(try work.account(), due: "2026-11-23")
        let done = try work.database.completeTask(task)
        #expect(done.value("status") == "done")
        #expect(done.value("completedAt") == FieldWork.now.value)
        let outbox = try work.database.outbox().count
        let again = try work.database.completeTask(task, at: FieldWork.utc("2026-11-24T10:00"))
        #expect(again.value("completedAt") == FieldWork.now.value)
        #expect(try work.database.outbox().count == outbox)
        #expect(try work.database.tasks(TaskQuery(openOnly: true), today: FieldWork.today).isEmpty)
    }

    @Test func onlyTasksCanBeCompleted() throws {
        let work = try FieldWork()
        let call = try work.add(
            "activity",
            [
                "kind": "call", "subject": "Call", "account": .text(try work.account()),
                "occurredAt": "2026-11-20T09:00:00Z",
            ])
        #expect(throws: ClientError.self) { try work.database.completeTask(call) }
        #expect(throws: ClientError.self) { try work.database.completeTask("missing") }
    }

    @Test func aTaskNeedsAnAssigneeAndDueDate() throws {
        let work = try FieldWork()
        let account = try work.account()
        do {
            try work.add("activity", ["kind": "task", "subject": "To do", "account": .text(account), "status": "open"])
            Issue.record("expected a validation error")
        } catch let error as ClientError {
            guard case .validationFailed(_, _, let issues) = error else { throw error }
            #expect(Set(issues.compactMap(\.field)) == ["assignee", "dueDate"])
        }
    }
}
