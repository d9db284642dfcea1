import FieldbookModel
import Foundation
import Testing

@Suite("fieldbook ticket")
struct TicketCommandTests {
    @Test func addListFilterShowEditDelete() throws {
        let cli = try CLIRunner()
        let mueller = try cli.account("Müller GmbH")
        let bauer = try cli.account("Bauer AG")
        let broken = try cli.record(
            "ticket", "add", "--account", mueller, "--subject", "Housing cracked", "--category", "damage", "--priority", "high"
        )
        expectRecordShape(broken, of: .ticket)
        let brokenID = try #require(broken["id"] as? String)
        #expect(broken["status"] as? String == "new")
        #expect(broken["openedAt"] as? String == "2026-11-23T08:00:00Z", "opened now (UTC in JSON)")
        let late = try #require(
            try cli.record(
                "ticket", "add", "--account", bauer, "--subject", "Late delivery", "--category", "delivery", "--opened",
                "2026-11-20 09:30"
            )["id"] as? String
        )
        #expect(try cli.record("ticket", "show", late)["openedAt"] as? String == "2026-11-20T08:30:00Z", "typed in Berlin time")

        #expect(try cli.ids("ticket", "list") == [late, brokenID], "oldest first")
        #expect(try cli.ids("ticket", "list", "--status", "open") == [late, brokenID])
        #expect(try cli.ids("ticket", "list", "--account", mueller) == [brokenID])
        #expect(try cli.ids("ticket", "list", "--priority", "high") == [brokenID])
        #expect(try cli.ids("ticket", "list", "--category", "delivery") == [late])
        #expect(try cli.ids("ticket", "list", "--search", "cracked") == [brokenID])
        let table = try cli.run("ticket", "list", "--status", "open")
        #expect(table.stdout.contains("2026-11-20 09:30"), "local time in tables")

        try cli.record("ticket", "edit", brokenID, "--status", "in_progress", "--assignee", "u-office")
        let unresolved = try cli.run("ticket", "edit", brokenID, "--status", "resolved")
        #expect(unresolved.exitCode == 4)
        #expect(unresolved.stderr.contains("measure"))
        try cli.record("ticket", "edit", brokenID, "--status", "resolved", "--measure", "exchange")
        let closed = try cli.record("ticket", "edit", brokenID, "--status", "closed")
        #expect(closed["closedAt"] as? String == "2026-11-23T08:00:00Z", "closing stamps the time")
        #expect(try cli.ids("ticket", "list", "--status", "open") == [late])
        #expect(try cli.ids("ticket", "list", "--status", "closed") == [brokenID])

        #expect(try cli.run("ticket", "delete", late).exitCode == 0)
        #expect(try cli.run("ticket", "show", late).exitCode == 3)
    }

    @Test func workflowAndRequiredFieldsAreEnforced() throws {
        let cli = try CLIRunner()
        let mueller = try cli.account("Müller GmbH")
        let missing = try cli.run("ticket", "add", "--account", mueller, "--subject", "Noise")
        #expect(missing.exitCode == 4)
        #expect(missing.stderr.contains("category"))
        let id = try #require(
            try cli.record("ticket", "add", "--account", mueller, "--subject", "Noise", "--category", "quality")["id"] as? String
        )
        let skipped = try cli.run("ticket", "edit", id, "--status", "closed", "--measure", "advice")
        #expect(skipped.exitCode == 4, "new → closed skips the workflow")
        #expect(skipped.stderr.contains("may not change from new to closed"))
        #expect(try cli.run("ticket", "add", "--account", mueller, "--subject", "X", "--category", "fire").exitCode == 2)
        #expect(try cli.run("ticket", "edit", "no-such-ticket", "--priority", "low").exitCode == 3)
    }
}
