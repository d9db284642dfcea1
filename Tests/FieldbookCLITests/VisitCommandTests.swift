import Foundation
import Testing

@Suite("fieldbook visit")
struct VisitCommandTests {
    @Test func fromAnAppointmentTwiceGivesOneReport() throws {
        let cli = try CLIRunner()
        let account = try cli.newID("account", "add", "--name", "Müller GmbH")
        let appointment = try cli.newID(
            "appointment", "add", "--subject", "Visit", "--start", "today 10:00", "--account", account,
            "--participant", "u-ben", "--attendee", "c-buyer"
        )
        let first = try cli.jsonObject(
            "visit", "add", "--from-appointment", appointment, "--topic", "pricing", "--gift", "Wine=24,90",
            "--outcome", "Good"
        )
        let second = try cli.jsonObject("visit", "add", "--from-appointment", appointment, "--topic", "delivery")
        #expect(first["id"] as? String == second["id"] as? String)
        #expect(second["account"] as? String == account)
        #expect(second["visitDate"] as? String == "2026-11-23")
        #expect(second["topics"] as? [String] == ["delivery", "pricing"])
        #expect(second["participants"] as? [String] == ["c-buyer"])
        #expect(second["internalParticipants"] as? [String] == ["u-ben"])
        #expect((second["gifts"] as? [[String: Any]])?.map { $0["value"] as? String } == ["24.90"])
        #expect(second["outcome"] as? String == "Good")
        #expect(recordIDs(try cli.jsonOutput(["visit", "list"])) == [try #require(first["id"] as? String)])
        let shown = try cli.jsonObject("appointment", "show", appointment)
        #expect(shown["status"] as? String == "held")
        #expect(shown["visitReport"] as? String == first["id"] as? String)
    }

    @Test func aReportWithoutAppointment() throws {
        let cli = try CLIRunner()
        let account = try cli.newID("account", "add", "--name", "Müller GmbH")
        let other = try cli.newID("account", "add", "--name", "Bauer AG")
        let report = try cli.jsonObject(
            "visit", "add", "--account", account, "--date", "yesterday", "--topic", "service", "--topic", "pricing",
            "--next-steps", "Call in May"
        )
        let id = try #require(report["id"] as? String)
        #expect(report["visitDate"] as? String == "2026-11-22")
        let todays = try cli.newID("visit", "add", "--account", other)
        #expect(try cli.jsonObject("visit", "show", todays)["visitDate"] as? String == "2026-11-23")
        #expect(recordIDs(try cli.jsonOutput(["visit", "list"])) == [todays, id])
        #expect(recordIDs(try cli.jsonOutput(["visit", "list", "--account", account])) == [id])

        let edited = try cli.jsonObject("visit", "edit", id, "--remove-topic", "pricing", "--outcome", "Renewal likely")
        #expect(edited["topics"] as? [String] == ["service"])
        #expect(edited["outcome"] as? String == "Renewal likely")
        let human = try cli.run("visit", "show", id)
        #expect(human.stdout.contains("Renewal likely"))

        #expect(try cli.run("visit", "add", "--date", "today").exitCode == 4)  // no account
        #expect(try cli.run("visit", "add", "--from-appointment", "nope").exitCode == 3)
        #expect(try cli.run("visit", "delete", id).exitCode == 0)
        #expect(try cli.run("visit", "show", id).exitCode == 3)
    }
}
