import Foundation
import Testing

/// Helpers for the field-work command tests (activities, tasks,
/// appointments, visits, offers, today, account show).
extension CLIRunner {
    /// `fieldbook <arguments> --json`, expecting success and a JSON object.
    func jsonObject(_ arguments: String...) throws -> [String: Any] {
        try #require(try jsonOutput(arguments) as? [String: Any])
    }

    /// `fieldbook <arguments> --json`, expecting success and a JSON array of objects.
    func jsonArray(_ arguments: String...) throws -> [[String: Any]] {
        try #require(try jsonOutput(arguments) as? [[String: Any]])
    }

    /// `fieldbook <arguments> --json`, expecting success; the `id` of the object printed.
    func newID(_ arguments: String...) throws -> String {
        let object = try #require(try jsonOutput(arguments) as? [String: Any])
        return try #require(object["id"] as? String)
    }

    /// Runs with `--json` appended, expects exit code 0, returns the parsed JSON.
    func jsonOutput(_ arguments: [String]) throws -> Any {
        let result = try run(arguments + ["--json"])
        guard result.exitCode == 0 else {
            throw CLIRunnerError.failed(arguments: arguments, exitCode: result.exitCode, stderr: result.stderr)
        }
        return try result.json()
    }
}

/// The IDs of a JSON array of records.
func recordIDs(_ value: Any?) -> [String] {
    (value as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
}

/// THE scripted session of issue 3: a rep's day on a fresh device, run
/// through the built `fieldbook` executable.
@Suite("Scripted session")
struct ScriptedSessionTests {
    @Test func aRepsDayFromAccountToWorklist() throws {
        // Monday 2026-11-23, 09:00 in Berlin.
        let cli = try CLIRunner()

        let account = try cli.newID("account", "add", "--name", "Müller Maschinenbau GmbH", "--role", "customer")
        let buyer = try cli.newID(
            "contact", "add", "--account", account, "--first-name", "Eva", "--last-name", "Schmidt")
        let engineer = try cli.newID(
            "contact", "add", "--account", account, "--first-name", "Jonas", "--last-name", "Weber")

        let appointment = try cli.jsonObject(
            "appointment", "add", "--subject", "Line 2 retrofit", "--start", "today 14:00", "--duration", "90m",
            "--account", account, "--contact", buyer, "--attendee", engineer, "--location", "Stuttgart"
        )
        let appointmentID = try #require(appointment["id"] as? String)
        #expect(appointment["start"] as? String == "2026-11-23T13:00:00Z")
        #expect(appointment["end"] as? String == "2026-11-23T14:30:00Z")

        // A colliding appointment is refused without --force (exit code 5) and not saved.
        let clash = try cli.run("appointment", "add", "--subject", "Call", "--start", "today 15:00", "--duration", "1h")
        #expect(clash.exitCode == 5)
        #expect(clash.stderr.contains(appointmentID))
        #expect(recordIDs(try cli.jsonOutput(["appointment", "list"])) == [appointmentID])

        let report = try cli.jsonObject(
            "visit", "add", "--from-appointment", appointmentID, "--topic", "retrofit", "--topic", "pricing",
            "--outcome", "Wants an offer", "--next-steps", "Send offer by Friday", "--gift", "Calendar=12.50"
        )
        let reportID = try #require(report["id"] as? String)
        #expect(report["account"] as? String == account)
        #expect(report["contact"] as? String == buyer)
        #expect(report["visitDate"] as? String == "2026-11-23")
        #expect(Set(report["participants"] as? [String] ?? []) == [buyer, engineer])

        // Three lines whose totals are right to the cent.
        let offerID = try cli.newID(
            "offer", "add", "--account", account, "--contact", buyer, "--valid-until", "in 3 days")
        for line in [
            ["--product", "p-motor", "--quantity", "3", "--price", "19.99", "--discount", "12.5"],  // 52.47375 → 52.47
            ["--product", "p-belt", "--quantity", "1.5", "--price", "0.35"],  // 0.525 → 0.53
            ["--product", "p-service", "--quantity", "7", "--price", "33.33", "--discount", "3"],  // 226.3107 → 226.31
        ] {
            _ = try cli.jsonOutput(["offer", "line", "add", offerID] + line)
        }
        let offer = try cli.jsonObject("offer", "edit", offerID, "--status", "sent")
        #expect(
            (offer["lines"] as? [[String: Any]])?.compactMap { $0["net"] as? String } == ["52.47", "0.53", "226.31"])
        #expect(offer["netTotal"] as? String == "279.31")
        #expect(offer["taxAmount"] as? String == "53.07")  // 19 % of 279.31 = 53.0689
        #expect(offer["grossTotal"] as? String == "332.38")
        let shown = try cli.run("offer", "show", offerID)
        #expect(shown.stdout.contains("332.38"))

        let taskID = try cli.newID(
            "task", "add", "--account", account, "--subject", "Send offer", "--assignee", "u-rep", "--contact", buyer
        )

        let today = try cli.jsonObject("today")
        #expect(recordIDs(today["appointments"]) == [appointmentID])
        #expect(recordIDs(today["tasks"]) == [taskID])
        #expect(recordIDs(today["offers"]) == [offerID])
        #expect(Set(today.keys).isSuperset(of: ["appointments", "tasks", "offers", "visitsDue", "renewals"]))

        let overview = try cli.jsonObject("account", "show", account)
        #expect((overview["account"] as? [String: Any])?["id"] as? String == account)
        #expect(Set(recordIDs(overview["contacts"])) == [buyer, engineer])
        #expect(recordIDs(overview["nextAppointments"]) == [appointmentID])
        #expect(recordIDs(overview["visitReports"]) == [reportID])
        #expect(recordIDs(overview["offers"]) == [offerID])
        #expect(recordIDs(overview["nextActivities"]) == [taskID])
        #expect(
            Set(overview.keys).isSuperset(of: [
                "account", "contacts", "opportunities", "offers", "lastActivities", "nextAppointments", "tickets",
                "contracts", "orders", "invoices",
            ])
        )
    }
}
