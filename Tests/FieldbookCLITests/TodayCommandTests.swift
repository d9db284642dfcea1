import FieldbookClient
import FieldbookModel
import FieldbookSync
import Foundation
import Testing

@Suite("fieldbook today")
struct TodayCommandTests {
    /// Writes into the runner's replica in-process as the office would
    /// (back-office fields a rep may not set), then closes it.
    func asOffice(_ cli: CLIRunner, _ entity: String, _ id: String, _ values: [String: Value]) throws {
        let database = try ClientDatabase.open(at: cli.home + "/replica.sqlite")
        var builder = ChangeBuilder(state: try database.record(id) ?? RecordState(entity: entity, id: id))
        for (field, value) in values { builder.set(field, to: value) }
        let change = Change(
            entity: entity, record: id, dot: Dot(replica: ReplicaID(unchecked: "office"), counter: 1),
            time: HybridTimestamp(millis: 1_700_000_000_000), ops: builder.operations
        )
        try database.applyRemote([change])
    }

    @Test func everySectionWithStableJSONKeys() throws {
        let cli = try CLIRunner()
        let account = try cli.newID("account", "add", "--name", "Müller GmbH")
        let lapsed = try cli.newID("account", "add", "--name", "Bauer AG")
        try asOffice(cli, "account", lapsed, ["careIntervalDays": 30, "lastVisitDate": "2026-10-01"])

        let meeting = try cli.newID(
            "appointment", "add", "--subject", "Visit", "--start", "today 10:00", "--account", account)
        try cli.run("appointment", "add", "--subject", "Tomorrow", "--start", "tomorrow 10:00")
        let overdue = try cli.newID(
            "task", "add", "--account", account, "--subject", "Old", "--assignee", "u", "--due", "2026-11-20")
        let due = try cli.newID("task", "add", "--account", account, "--subject", "Now", "--assignee", "u")
        try cli.run("task", "add", "--account", account, "--subject", "Later", "--assignee", "u", "--due", "tomorrow")
        let offer = try cli.newID("offer", "add", "--account", account, "--valid-until", "in 2 days")
        try cli.run("offer", "line", "add", offer, "--product", "p", "--quantity", "1", "--price", "10")
        try cli.run("offer", "edit", offer, "--status", "sent")

        let database = try ClientDatabase.open(at: cli.home + "/replica.sqlite")
        let contract = try database.edit("contract", "k-1") { change in
            change.set("name", to: "Maintenance")
            change.set("account", to: .text(account))
            change.set("kind", to: "maintenance")
            change.set("startDate", to: "2024-01-01")
            change.set("endDate", to: "2026-12-31")
            change.set("noticePeriodDays", to: 60)
            change.set("status", to: "active")
        }

        let list = try cli.jsonObject("today")
        #expect(Set(list.keys) == ["date", "appointments", "tasks", "offers", "visitsDue", "renewals"])
        #expect(list["date"] as? String == "2026-11-23")
        #expect(recordIDs(list["appointments"]) == [meeting])
        #expect(recordIDs(list["tasks"]) == [overdue, due])
        #expect((list["tasks"] as? [[String: Any]])?.map { $0["overdue"] as? Bool } == [true, false])
        #expect(recordIDs(list["offers"]) == [offer])
        #expect((list["offers"] as? [[String: Any]])?.first?["daysLeft"] as? Int == 2)
        #expect(recordIDs(list["visitsDue"]) == [lapsed])
        #expect((list["visitsDue"] as? [[String: Any]])?.first?["dueDate"] as? String == "2026-10-31")
        #expect(recordIDs(list["renewals"]) == [contract.id])
        #expect((list["renewals"] as? [[String: Any]])?.first?["noticeDeadline"] as? String == "2026-11-01")

        let human = try cli.run("today")
        #expect(human.exitCode == 0)
        for heading in [
            "Appointments (1)", "Tasks due (2)", "Offers to follow up (1)", "Visits due (1)", "Renewals due (1)",
        ] {
            #expect(human.stdout.contains(heading))
        }
        #expect(human.stdout.contains("10:00–11:00"))
        #expect(human.stdout.contains("3 days ago"))

        let tomorrow = try cli.jsonObject("today", "--date", "tomorrow")
        #expect(recordIDs(tomorrow["appointments"]).count == 1)
        #expect(recordIDs(tomorrow["tasks"]).count == 3)
    }

    @Test func anEmptyDay() throws {
        let cli = try CLIRunner()
        let list = try cli.jsonObject("today")
        for key in ["appointments", "tasks", "offers", "visitsDue", "renewals"] {
            #expect((list[key] as? [Any])?.isEmpty == true)
        }
        #expect(try cli.run("today").stdout.contains("nothing due"))
        #expect(try cli.run("today", "--date", "someday").exitCode == 2)
    }
}
