import FieldbookClient
import FieldbookModel
import FieldbookSync
import Foundation
import Testing

@Suite("fieldbook ticket steps, contract reminders, task delegate")
struct ServiceCommandTests {
    @Test func aTicketMovesThroughItsWorkflowWithReasonsAndHandlingTime() throws {
        var cli = try CLIRunner()
        let account = try cli.account("Müller GmbH")
        let ticket = try #require(
            try cli.record(
                "ticket", "add", "--account", account, "--subject", "Pump leaks", "--category", "damage",
                "--assignee", "user-anna"
            )["id"] as? String
        )
        let early = try cli.run("ticket", "close", ticket, "--measure", "advice")
        #expect(early.exitCode == 4 && early.stderr.contains("is new; 'close' is only allowed from resolved"))
        #expect(try cli.record("ticket", "start", ticket)["status"] as? String == "in_progress")
        #expect(try cli.record("ticket", "wait", ticket)["status"] as? String == "waiting")
        let unmeasured = try cli.run("ticket", "resolve", ticket)
        #expect(unmeasured.exitCode == 4 && unmeasured.stderr.contains("needs a measure"))
        #expect(try cli.run("ticket", "resolve", ticket, "--measure", "refund").exitCode == 2)
        #expect(try cli.record("ticket", "resolve", ticket, "--measure", "exchange")["measure"] as? String == "exchange")

        let followUp = try cli.record("ticket", "follow-up", ticket, "--subject", "Call back", "--due", "2026-11-25")
        #expect(followUp["ticket"] as? String == ticket && followUp["account"] as? String == account)
        #expect(followUp["assignee"] as? String == "user-anna" && followUp["dueDate"] as? String == "2026-11-25")

        cli.environment["FIELDBOOK_NOW"] = "2026-11-24T09:30:00Z"  // 1 day 1 h 30 min after opening
        let closed = try cli.record("ticket", "close", ticket)
        #expect(closed["status"] as? String == "closed" && closed["closedAt"] as? String == "2026-11-24T09:30:00Z")
        #expect(closed["handlingSeconds"] as? Int == 24 * 3600 + 90 * 60 && closed["handlingTime"] as? String == "1d 1h 30m")
        let shown = try cli.run("ticket", "show", ticket)
        #expect(shown.stdout.contains("handling time: 1d 1h 30m") && shown.stdout.contains(followUp["id"] as? String ?? "?"))
        #expect(try cli.record("ticket", "reopen", ticket)["status"] as? String == "in_progress")
        #expect(try cli.run("ticket", "start", "nope").exitCode == 3)
    }

    @Test func aContractGetsOneRenewalReminderThatShowsInToday() throws {
        var cli = try CLIRunner()
        let account = try cli.account("Bauer AG")
        let contract = try #require(
            try cli.record(
                "contract", "add", "--account", account, "--name", "Oil supply", "--kind", "supply", "--start",
                "2026-01-01", "--end", "2027-01-31", "--notice-days", "30", "--reminder-days", "10", "--owner", "user-anna"
            )["id"] as? String
        )
        let taskID = ContractRenewal.taskID(forContract: contract)
        // 2027-01-31 − 30 − 10 days = 2026-12-22.
        #expect(try cli.record("task", "show", taskID)["dueDate"] as? String == "2026-12-22")
        _ = try cli.record("contract", "edit", contract, "--end", "2027-02-28")  // moved, not duplicated
        #expect(try cli.record("task", "show", taskID)["dueDate"] as? String == "2027-01-19")
        #expect(try cli.ids("task", "list") == [taskID])

        cli.environment["FIELDBOOK_NOW"] = "2027-01-19T08:00:00Z"
        let today = try cli.run("today", "--user", "user-anna")
        #expect(today.exitCode == 0 && today.stdout.contains(taskID))
    }

    @Test func delegatingATaskShowsWhoAndWhenAndFailsClearly() throws {
        let cli = try CLIRunner()
        let account = try cli.account("Müller GmbH")
        let task = try #require(
            try cli.record("task", "add", "--account", account, "--subject", "Send brochure", "--assignee", "user-anna")["id"]
                as? String
        )
        let delegated = try cli.record("task", "delegate", task, "--to", "user-ben", "--by", "user-anna")
        #expect(delegated["assignee"] as? String == "user-ben" && delegated["delegatedBy"] as? String == "user-anna")
        #expect(delegated["delegatedAt"] as? String == "2026-11-23T08:00:00Z")
        let shown = try cli.run("task", "show", task)
        #expect(shown.stdout.contains("delegatedBy") && shown.stdout.contains("delegatedAt"))
        #expect(try cli.ids("task", "list", "--assignee", "user-ben") == [task])
        _ = try cli.run("task", "done", task)
        let refused = try cli.run("task", "delegate", task, "--to", "user-cara")
        #expect(refused.exitCode == 4 && refused.stderr.contains("only open tasks"))
        #expect(try cli.run("task", "delegate", "nope", "--to", "user-cara").exitCode == 3)
    }

    @Test func priceListsAreReadOnlyReferenceDataWithClearErrors() throws {
        let cli = try CLIRunner()
        let empty = try cli.run("pricelist", "list")
        #expect(empty.exitCode == 0 && empty.stdout.contains("No price lists."))
        let unknown = try cli.run("pricelist", "quote", "--product", "nope")
        #expect(unknown.exitCode == 3 && unknown.stderr.contains("no price for product nope"))
        #expect(try cli.run("pricelist", "quote", "--product", "nope", "--quantity", "0").exitCode == 2)
        #expect(try cli.run("pricelist", "show", "nope").exitCode == 3)
        // The rep's device refuses to write reference data (the server refuses it too: PushRuleTests).
        #expect(try cli.run("product", "add", "--number", "P-1", "--name", "Pump", "--price", "10").exitCode == 4)
    }

    @Test func officeStaffSignedInOnTheirDeviceMaintainReferenceData() throws {
        let cli = try CLIRunner()
        // The credentials `fieldbook login` writes for an office user: writes are checked with that role.
        let credentials = #"{"server": "http://127.0.0.1:9", "token": "fbk_test", "login": "olga", "user": "user-olga", "role": "office"}"#
        try credentials.write(toFile: cli.home + "/credentials.json", atomically: true, encoding: .utf8)
        let product = try cli.record("product", "add", "--number", "P-1", "--name", "Pump", "--price", "10")
        let id = try #require(product["id"] as? String)
        #expect(try cli.record("product", "edit", id, "--name", "Pump XL")["name"] as? String == "Pump XL")
        // Signed out again (a rep's device): the same edit is refused locally.
        try FileManager.default.removeItem(atPath: cli.home + "/credentials.json")
        #expect(try cli.run("product", "edit", id, "--name", "Pump S").exitCode == 4)
    }
}
