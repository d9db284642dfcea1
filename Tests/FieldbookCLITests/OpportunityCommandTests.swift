import FieldbookModel
import Foundation
import Testing

@Suite("fieldbook opportunity")
struct OpportunityCommandTests {
    @Test func addListFilterShowEditDelete() throws {
        let cli = try CLIRunner()
        let mueller = try cli.account("Müller GmbH")
        let bauer = try cli.account("Bauer AG")
        let contact = try #require(try cli.record("contact", "add", "--account", mueller, "--last-name", "Schmidt")["id"] as? String)
        let press = try cli.record(
            "opportunity", "add", "--account", mueller, "--name", "Press line", "--owner", "u-anna", "--amount", "125000,50",
            "--expected-close", "2026-12-15", "--contact", contact
        )
        expectRecordShape(press, of: .opportunity)
        let pressID = try #require(press["id"] as? String)
        #expect(press["status"] as? String == "open")
        #expect(press["amount"] as? String == "125000.50", "decimals stay canonical strings")
        #expect(press["buyingCenter"] as? [String] == [contact])
        let drill = try #require(
            try cli.record(
                "opportunity", "add", "--account", bauer, "--name", "Drills", "--owner", "u-ben", "--expected-close", "2027-03-01"
            )["id"] as? String
        )

        #expect(try cli.ids("opportunity", "list") == [pressID, drill], "by expected close date")
        #expect(try cli.ids("opportunity", "list", "--account", mueller, "--status", "open") == [pressID])
        #expect(try cli.ids("opportunity", "list", "--closing-before", "2026-12-31") == [pressID])
        #expect(try cli.ids("opportunity", "list", "--owner", "u-ben") == [drill])
        #expect(try cli.ids("opportunity", "list", "--search", "press") == [pressID])
        let table = try cli.run("opportunity", "list", "--status", "open")
        #expect(table.stdout.contains("Müller GmbH") && table.stdout.contains("125000.50"))

        let edited = try cli.record("opportunity", "edit", pressID, "--probability", "60", "--remove-contact", contact)
        #expect(edited["probability"] as? String == "60.00")
        #expect(edited["buyingCenter"] as? [String] == [])
        #expect(try cli.record("opportunity", "show", pressID)["name"] as? String == "Press line")

        #expect(try cli.run("opportunity", "delete", drill).exitCode == 0)
        #expect(try cli.ids("opportunity", "list") == [pressID])
        #expect(try cli.run("opportunity", "show", drill).exitCode == 3)
    }

    @Test func closingNeedsAReasonAndWonIsFinal() throws {
        let cli = try CLIRunner()
        let mueller = try cli.account("Müller GmbH")
        let id = try #require(
            try cli.record("opportunity", "add", "--account", mueller, "--name", "Press line", "--owner", "u-anna")["id"] as? String
        )
        let noReason = try cli.run("opportunity", "edit", id, "--status", "won")
        #expect(noReason.exitCode == 4)
        #expect(noReason.stderr.contains("closeReason is required"))
        let won = try cli.record("opportunity", "edit", id, "--status", "won", "--close-reason", "best offer")
        #expect(won["closeDate"] as? String == "2026-11-23", "closing defaults the close date to today")
        #expect(try cli.ids("opportunity", "list", "--status", "open").isEmpty)
        #expect(try cli.ids("opportunity", "list", "--status", "won,lost") == [id])
        let reopened = try cli.run("opportunity", "edit", id, "--status", "open")
        #expect(reopened.exitCode == 4)
        #expect(reopened.stderr.contains("may not change from won to open"))
        let noOwner = try cli.run("opportunity", "add", "--account", mueller, "--name", "X")
        #expect(noOwner.exitCode == 4)
        #expect(noOwner.stderr.contains("owner"))
    }
}
