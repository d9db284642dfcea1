import FieldbookModel
import Foundation
import Testing

@Suite("fieldbook contract")
struct ContractCommandTests {
    @Test func addListFilterShowEditDelete() throws {
        let cli = try CLIRunner()
        let mueller = try cli.account("Müller GmbH")
        let bauer = try cli.account("Bauer AG")
        let service = try cli.record(
            "contract", "add", "--account", mueller, "--name", "Press maintenance", "--kind", "maintenance", "--start",
            "2026-01-01", "--end", "2026-12-31", "--auto-renewal", "yes", "--renewal-months", "12", "--annual-value", "4800"
        )
        expectRecordShape(service, of: .contract)
        let serviceID = try #require(service["id"] as? String)
        #expect(service["status"] as? String == "active")
        #expect(service["renewalTermMonths"] as? Int == 12)
        #expect(service["annualValue"] as? String == "4800.00")
        let supply = try #require(
            try cli.record(
                "contract", "add", "--account", bauer, "--name", "Oil supply", "--kind", "supply", "--start", "2026-03-01",
                "--end", "2028-02-29", "--status", "draft"
            )["id"] as? String
        )

        #expect(try cli.ids("contract", "list") == [serviceID, supply], "by end date")
        #expect(try cli.ids("contract", "list", "--ending-before", "2027-01-01") == [serviceID])
        #expect(try cli.ids("contract", "list", "--status", "draft") == [supply])
        #expect(try cli.ids("contract", "list", "--account", mueller, "--kind", "maintenance") == [serviceID])
        #expect(try cli.ids("contract", "list", "--search", "oil") == [supply])

        let activated = try cli.record("contract", "edit", supply, "--status", "active", "--notice-days", "90")
        #expect(activated["noticePeriodDays"] as? Int == 90)
        #expect(try cli.record("contract", "show", supply)["status"] as? String == "active")
        #expect(try cli.run("contract", "delete", supply).exitCode == 0)
        #expect(try cli.run("contract", "show", supply).exitCode == 3)
    }

    @Test func rulesAreExplained() throws {
        let cli = try CLIRunner()
        let mueller = try cli.account("Müller GmbH")
        let noTerm = try cli.run(
            "contract", "add", "--account", mueller, "--name", "X", "--kind", "support", "--start", "2026-01-01",
            "--auto-renewal", "yes"
        )
        #expect(noTerm.exitCode == 4)
        #expect(noTerm.stderr.contains("renewalTermMonths"))
        let backwards = try cli.run(
            "contract", "add", "--account", mueller, "--name", "X", "--kind", "support", "--start", "2026-06-01", "--end",
            "2026-01-01"
        )
        #expect(backwards.exitCode == 4)
        #expect(backwards.stderr.contains("endDate"))
        #expect(try cli.run("contract", "edit", "nope", "--status", "expired").exitCode == 3)
        #expect(try cli.ids("contract", "list").isEmpty)
    }
}
