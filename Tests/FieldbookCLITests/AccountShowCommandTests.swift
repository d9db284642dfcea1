import Foundation
import Testing

@Suite("fieldbook account show (360° view)")
struct AccountShowCommandTests {
    @Test func theOverviewListsWhatBelongsToTheAccount() throws {
        let cli = try CLIRunner()
        let account = try cli.newID("account", "add", "--name", "Müller GmbH", "--phone", "+49 711 1")
        let other = try cli.newID("account", "add", "--name", "Bauer AG")
        let contact = try cli.newID(
            "contact", "add", "--account", account, "--first-name", "Eva", "--last-name", "Schmidt")
        try cli.run("contact", "add", "--account", other, "--last-name", "Other")
        let call = try cli.newID(
            "activity", "add", "--account", account, "--kind", "call", "--subject", "Prices", "--at", "yesterday 10:00")
        let task = try cli.newID("task", "add", "--account", account, "--subject", "Offer", "--assignee", "u")
        let next = try cli.newID(
            "appointment", "add", "--subject", "Visit", "--start", "tomorrow 10:00", "--account", account)
        let past = try cli.newID(
            "appointment", "add", "--subject", "Intro", "--start", "yesterday 08:00", "--account", account)
        let offer = try cli.newID("offer", "add", "--account", account)
        try cli.run("offer", "add", "--account", other)

        let overview = try cli.jsonObject("account", "show", account)
        #expect(
            Set(overview.keys) == [
                "account", "contacts", "opportunities", "offers", "lastActivities", "nextActivities",
                "lastAppointments",
                "nextAppointments", "visitReports", "tickets", "contracts", "orders", "invoices",
            ]
        )
        let record = try #require(overview["account"] as? [String: Any])
        #expect(record["name"] as? String == "Müller GmbH")
        #expect(record["phone"] as? String == "+49 711 1")
        #expect(recordIDs(overview["contacts"]) == [contact])
        #expect(recordIDs(overview["lastActivities"]) == [call])
        #expect(recordIDs(overview["nextActivities"]) == [task])
        #expect(recordIDs(overview["nextAppointments"]) == [next])
        #expect(recordIDs(overview["lastAppointments"]) == [past])
        #expect(recordIDs(overview["offers"]) == [offer])
        for key in ["opportunities", "visitReports", "tickets", "contracts", "orders", "invoices"] {
            #expect(recordIDs(overview[key]).isEmpty)
        }

        let human = try cli.run("account", "show", account)
        #expect(human.stdout.hasPrefix("id:"))
        #expect(human.stdout.contains("name:  Müller GmbH") || human.stdout.contains("Müller GmbH"))
        for heading in ["Contacts (1)", "Last activities (1)", "Open tasks (1)", "Next appointments (1)", "Offers (1)"]
        {
            #expect(human.stdout.contains(heading))
        }
        #expect(human.stdout.contains("Eva Schmidt"))
        #expect(!human.stdout.contains("Tickets"))
    }

    @Test func aMissingAccountIsNotFound() throws {
        let cli = try CLIRunner()
        let result = try cli.run("account", "show", "nope")
        #expect(result.exitCode == 3)
        #expect(result.stderr.contains("no account"))
    }
}
