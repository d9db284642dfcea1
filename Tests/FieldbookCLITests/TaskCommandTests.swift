import Foundation
import Testing

@Suite("fieldbook task")
struct TaskCommandTests {
    @Test func addListDoneShowEditDelete() throws {
        let cli = try CLIRunner()
        let account = try cli.newID("account", "add", "--name", "Müller GmbH")

        let missing = try cli.run("task", "add", "--account", account, "--subject", "Call back")
        #expect(missing.exitCode == 4)
        #expect(missing.stderr.contains("--assignee"))

        let today = try cli.jsonObject(
            "task", "add", "--account", account, "--subject", "Call back", "--assignee", "u-anna")
        let todayID = try #require(today["id"] as? String)
        #expect(today["kind"] as? String == "task")
        #expect(today["dueDate"] as? String == "2026-11-23")
        #expect(today["status"] as? String == "open")
        let overdue = try cli.newID(
            "task", "add", "--account", account, "--subject", "Old", "--assignee", "u-ben", "--due", "2026-11-20"
        )
        let friday = try cli.newID(
            "task", "add", "--account", account, "--subject", "Fri", "--assignee", "u-anna", "--due", "friday")
        let later = try cli.newID(
            "task", "add", "--account", account, "--subject", "Later", "--assignee", "u-anna", "--due", "in 2 weeks")

        #expect(recordIDs(try cli.jsonOutput(["task", "list"])) == [overdue, todayID, friday, later])
        #expect(recordIDs(try cli.jsonOutput(["task", "list", "--due", "today"])) == [todayID])
        #expect(recordIDs(try cli.jsonOutput(["task", "list", "--due", "overdue"])) == [overdue])
        #expect(recordIDs(try cli.jsonOutput(["task", "list", "--due", "week"])) == [todayID, friday])
        #expect(recordIDs(try cli.jsonOutput(["task", "list", "--assignee", "u-ben"])) == [overdue])
        #expect(try cli.run("task", "list", "--due", "someday").exitCode == 2)

        let done = try cli.jsonObject("task", "done", overdue)
        #expect(done["status"] as? String == "done")
        #expect(done["completedAt"] as? String == "2026-11-23T08:00:00Z")
        #expect(recordIDs(try cli.jsonOutput(["task", "list", "--open"])) == [todayID, friday, later])
        #expect(recordIDs(try cli.jsonOutput(["task", "list", "--due", "overdue"])).isEmpty)

        let edited = try cli.jsonObject("task", "edit", friday, "--due", "tomorrow", "--status", "in_progress")
        #expect(edited["dueDate"] as? String == "2026-11-24")
        #expect(edited["status"] as? String == "in_progress")
        #expect(try cli.jsonObject("task", "show", friday)["subject"] as? String == "Fri")

        let human = try cli.run("task", "list", "--open")
        #expect(human.stdout.hasPrefix("ID"))
        #expect(human.stdout.contains("Call back"))

        #expect(try cli.run("task", "delete", later).exitCode == 0)
        #expect(try cli.run("task", "show", later).exitCode == 3)
    }

    @Test func historyIsNotATask() throws {
        let cli = try CLIRunner()
        let account = try cli.newID("account", "add", "--name", "Müller GmbH")
        let call = try cli.newID("activity", "add", "--account", account, "--kind", "call", "--subject", "Call")
        let result = try cli.run("task", "done", call)
        #expect(result.exitCode == 3)
        #expect(result.stderr.contains("no task"))
        #expect(try cli.jsonObject("activity", "show", call)["status"] is NSNull)
    }
}
