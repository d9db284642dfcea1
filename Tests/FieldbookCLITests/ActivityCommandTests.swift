import Foundation
import Testing

@Suite("fieldbook activity")
struct ActivityCommandTests {
    @Test func logListShowEditDelete() throws {
        let cli = try CLIRunner()
        let account = try cli.newID("account", "add", "--name", "Müller GmbH")
        let call = try cli.jsonObject(
            "activity", "add", "--account", account, "--kind", "call", "--subject", "Prices", "--at", "yesterday 15:00",
            "--duration", "1h15", "--direction", "out"
        )
        let id = try #require(call["id"] as? String)
        #expect(call["occurredAt"] as? String == "2026-11-22T14:00:00Z")  // 15:00 in Berlin
        #expect(call["durationMinutes"] as? Int == 75)
        #expect(call["direction"] as? String == "outbound")

        let note = try cli.jsonObject("activity", "add", "--account", account, "--kind", "note", "--subject", "Fair")
        #expect(note["occurredAt"] as? String == "2026-11-23T08:00:00Z")  // now

        #expect(
            recordIDs(try cli.jsonOutput(["activity", "list", "--account", account])) == [note["id"] as? String, id])
        #expect(recordIDs(try cli.jsonOutput(["activity", "list", "--kind", "call"])) == [id])
        let human = try cli.run("activity", "list")
        #expect(human.stdout.hasPrefix("ID"))
        #expect(human.stdout.contains("Müller GmbH"))
        #expect(human.stdout.contains("2026-11-22 15:00"))

        let edited = try cli.jsonObject("activity", "edit", id, "--subject", "Prices and terms")
        #expect(edited["subject"] as? String == "Prices and terms")
        #expect(edited["occurredAt"] as? String == "2026-11-22T14:00:00Z")
        #expect(try cli.jsonObject("activity", "show", id)["subject"] as? String == "Prices and terms")

        #expect(try cli.run("activity", "delete", id).exitCode == 0)
        #expect(try cli.run("activity", "show", id).exitCode == 3)
    }

    @Test func tasksAndBadInputAreRefused() throws {
        let cli = try CLIRunner()
        let account = try cli.newID("account", "add", "--name", "Müller GmbH")
        let task = try cli.run("activity", "add", "--account", account, "--kind", "task", "--subject", "x")
        #expect(task.exitCode == 2)
        #expect(task.stderr.contains("fieldbook task"))
        let duration = try cli.run(
            "activity", "add", "--account", account, "--kind", "call", "--subject", "x", "--duration", "soon")
        #expect(duration.exitCode == 2)
        let noAccount = try cli.run("activity", "add", "--kind", "call", "--subject", "x")
        #expect(noAccount.exitCode == 4)
        #expect(noAccount.stderr.contains("account"))
        #expect(recordIDs(try cli.jsonOutput(["activity", "list"])).isEmpty)
    }
}
