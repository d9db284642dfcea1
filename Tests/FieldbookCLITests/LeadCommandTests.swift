import FieldbookModel
import Foundation
import Testing

@Suite("fieldbook lead")
struct LeadCommandTests {
    @Test func addListFilterEditDelete() throws {
        let cli = try CLIRunner()
        let bauer = try cli.record(
            "lead", "add", "--company", "Bauer AG", "--last-name", "Bauer", "--source", "trade_fair", "--owner", "u-anna",
            "--follow-up", "friday"
        )
        expectRecordShape(bauer, of: .lead)
        let bauerID = try #require(bauer["id"] as? String)
        #expect(bauer["status"] as? String == "new", "a new lead starts as new")
        #expect(bauer["followUpDate"] as? String == "2026-11-27", "FIELDBOOK_NOW is Monday 2026-11-23")
        let web = try #require(
            try cli.record("lead", "add", "--last-name", "Weber", "--source", "website", "--owner", "u-ben", "--follow-up", "tomorrow")["id"]
                as? String
        )

        #expect(try cli.ids("lead", "list", "--status", "new") == [web, bauerID], "by follow-up date")
        #expect(try cli.ids("lead", "list", "--owner", "u-anna") == [bauerID])
        #expect(try cli.ids("lead", "list", "--source", "web") == [web])
        #expect(try cli.ids("lead", "list", "--search", "BAUER") == [bauerID])

        try cli.record("lead", "edit", web, "--status", "in_progress")
        #expect(try cli.ids("lead", "list", "--status", "in_progress") == [web])
        #expect(try cli.ids("lead", "list", "--status", "open") == [web, bauerID], "open = new and in_progress")
        let disqualified = try cli.run("lead", "edit", bauerID, "--status", "disqualified")
        #expect(disqualified.exitCode == 4)
        #expect(disqualified.stderr.contains("disqualifyReason"))
        let done = try cli.record("lead", "edit", bauerID, "--status", "disqualified", "--disqualify-reason", "no budget")
        #expect(done["status"] as? String == "disqualified")
        #expect(try cli.ids("lead", "list", "--status", "open") == [web])
        #expect(try cli.ids("lead", "list", "--status", "new,disqualified") == [bauerID])

        #expect(try cli.run("lead", "delete", web).exitCode == 0)
        #expect(try cli.run("lead", "show", web).exitCode == 3)
        #expect(try cli.record("lead", "show", bauerID)["disqualifyReason"] as? String == "no budget")
    }

    @Test func theSchemaRulesForOpenLeadsAreExplained() throws {
        let cli = try CLIRunner()
        let unowned = try cli.run("lead", "add", "--company", "Bauer AG")
        #expect(unowned.exitCode == 4)
        #expect(unowned.stderr.contains("owner") && unowned.stderr.contains("followUpDate"))
        let nameless = try cli.run("lead", "add", "--owner", "u-anna", "--follow-up", "today")
        #expect(nameless.exitCode == 4)
        #expect(nameless.stderr.contains("company or a last name"))
        #expect(try cli.run("lead", "list", "--status", "nonsense").exitCode == 2)
        #expect(try cli.run("lead", "edit", "no-such-lead", "--status", "in_progress").exitCode == 3)
    }
}
