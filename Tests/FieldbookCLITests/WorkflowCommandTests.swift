import FieldbookModel
import FieldbookSync
import Foundation
import Testing

@Suite("fieldbook lead convert, opportunity phase/close/forecast, pipeline")
struct WorkflowCommandTests {
    private func lead(_ cli: CLIRunner, company: String) throws -> String {
        try #require(
            try cli.record(
                "lead", "add", "--source", "trade-fair", "--company", company, "--first-name", "Karin", "--last-name", "Weber",
                "--email", "k.weber@example.com", "--owner", "u-anna", "--follow-up", "friday"
            )["id"] as? String
        )
    }

    @Test func leadsAreCapturedQualifiedDisqualifiedAndConvertedOnce() throws {
        let cli = try CLIRunner()
        let leadID = try lead(cli, company: "Weber AG")
        #expect(try cli.record("lead", "show", leadID)["source"] as? String == "trade_fair", "trade-fair is accepted")
        #expect(try cli.record("lead", "qualify", leadID)["status"] as? String == "qualified")

        let converted = try #require(try cli.json("lead", "convert", leadID, "--amount", "25000", "--expected-close", "2026-12-15") as? [String: Any])
        let ids = LeadConversion(lead: leadID)
        #expect((converted["account"] as? [String: Any])?["id"] as? String == ids.account)
        #expect((converted["contact"] as? [String: Any])?["id"] as? String == ids.contact)
        let opportunity = try #require(converted["opportunity"] as? [String: Any])
        #expect(opportunity["id"] as? String == ids.opportunity && opportunity["amount"] as? String == "25000.00")
        #expect(converted["createdAccount"] as? Bool == true)
        #expect((converted["lead"] as? [String: Any])?["convertedOpportunity"] as? String == ids.opportunity)

        let again = try cli.run("lead", "convert", leadID)
        #expect(again.exitCode == 4)
        #expect(again.stderr.contains("already converted"))

        let other = try lead(cli, company: "Bauer KG")
        let noReason = try cli.run("lead", "disqualify", other)
        #expect(noReason.exitCode == 4 && noReason.stderr.contains("needs a reason"))
        #expect(try cli.record("lead", "disqualify", other, "--reason", "no budget")["status"] as? String == "disqualified")
        #expect(try cli.run("lead", "convert", other).exitCode == 4)
        #expect(try cli.run("lead", "convert", "no-such-lead").exitCode == 3)
        #expect(try cli.run("lead", "convert", other, "--account", "a", "--new-account").exitCode == 2)
        let help = try cli.run("lead", "convert", "--help")
        #expect(help.exitCode == 0 && help.stdout.contains("--new-account") && help.stdout.contains("one account"))
    }

    @Test func matchingAccountsAreSuggestedAndPickedWithAccount() throws {
        let cli = try CLIRunner()
        let existing = try cli.account("Weber AG")
        let leadID = try lead(cli, company: "WEBER ag")
        let suggestions = try #require(try cli.json("lead", "suggest", leadID) as? [[String: Any]])
        #expect(suggestions.map { $0["account"] as? String } == [existing])
        #expect(suggestions.first?["reasons"] as? [String] == ["name"])

        let refused = try cli.run("lead", "convert", leadID)
        #expect(refused.exitCode == 1 && refused.stderr.contains("--account") && refused.stderr.contains(existing))
        #expect(try cli.run("lead", "convert", leadID, "--account", "nope").exitCode == 3)
        let linked = try #require(try cli.json("lead", "convert", leadID, "--account", existing) as? [String: Any])
        #expect((linked["account"] as? [String: Any])?["id"] as? String == existing)
        #expect(linked["createdAccount"] as? Bool == false)
        let table = try cli.run("lead", "convert", try lead(cli, company: "Weber AG"), "--new-account")
        #expect(table.exitCode == 0 && table.stdout.contains("(new)") && table.stdout.contains("opportunity"))
    }

    @Test func phasesHistoryClosingAndForecast() throws {
        let cli = try CLIRunner()
        let pipeline = try #require(try cli.json("pipeline", "show") as? [String: Any])
        #expect(pipeline["id"] as? String == "standard")
        #expect((pipeline["phases"] as? [[String: Any]])?.map { $0["id"] as? String } == [
            "qualification", "needs_analysis", "proposal", "negotiation",
        ])
        #expect(try cli.run("pipeline", "list").stdout.contains("built-in standard pipeline"))

        let account = try cli.account("Müller GmbH")
        let press = try #require(
            try cli.record(
                "opportunity", "add", "--account", account, "--name", "Press", "--owner", "u-anna", "--amount", "10000",
                "--expected-close", "2026-12-15"
            )["id"] as? String
        )
        let drill = try #require(
            try cli.record(
                "opportunity", "add", "--account", account, "--name", "Drill", "--owner", "u-ben", "--amount", "2000",
                "--expected-close", "2027-01-10"
            )["id"] as? String
        )
        #expect(try cli.record("opportunity", "phase", press, "prop")["probability"] as? String == "50.00")
        #expect(try cli.record("opportunity", "phase", press, "negotiation")["phase"] as? String == "negotiation")
        #expect(try cli.record("opportunity", "phase", drill, "qualification")["phase"] as? String == "qualification")
        let unknown = try cli.run("opportunity", "phase", press, "nonsense")
        #expect(unknown.exitCode == 4 && unknown.stderr.contains("proposal"))

        let history = try #require(try cli.json("opportunity", "history", press) as? [[String: Any]])
        #expect(history.map { $0["to"] as? String } == ["proposal", "negotiation"])
        #expect(try cli.run("opportunity", "history", press).stdout.contains("Proposal → Negotiation"))

        let forecast = try #require(try cli.json("opportunity", "forecast") as? [String: Any])
        let months = try #require(forecast["byMonth"] as? [[String: Any]])
        #expect(months.map { $0["key"] as? String } == ["2026-12", "2027-01"])
        #expect(months.map { $0["weighted"] as? String } == ["7500.00", "200.00"])
        let reps = try #require(forecast["byRep"] as? [[String: Any]])
        #expect(reps.map { $0["key"] as? String } == ["u-anna", "u-ben"])
        #expect((forecast["total"] as? [String: Any])?["weighted"] as? String == "7700.00")
        let text = try cli.run("opportunity", "forecast").stdout
        #expect(text.contains("MONTH") && text.contains("REP") && text.contains("7700.00"))

        let noReason = try cli.run("opportunity", "close", press, "won")
        #expect(noReason.exitCode == 4 && noReason.stderr.contains("needs a reason"))
        #expect(try cli.run("opportunity", "close", press, "sold", "--reason", "x").exitCode == 2)
        let won = try cli.record("opportunity", "close", press, "won", "--reason", "best service")
        #expect(won["status"] as? String == "won" && won["closeDate"] as? String == "2026-11-23")
        #expect(try cli.run("opportunity", "phase", press, "proposal").exitCode == 4)
        let after = try #require(try cli.json("opportunity", "forecast") as? [String: Any])
        #expect((after["total"] as? [String: Any])?["weighted"] as? String == "200.00", "closed ones leave the forecast")
    }
}
