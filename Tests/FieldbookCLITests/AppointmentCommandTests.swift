import Foundation
import Testing

@Suite("fieldbook appointment")
struct AppointmentCommandTests {
    @Test func collisionsAreRefusedWithExitCodeFiveUnlessForced() throws {
        let cli = try CLIRunner()
        let first = try cli.jsonObject(
            "appointment", "add", "--subject", "Müller", "--start", "tomorrow 10:00", "--duration", "1h")
        let firstID = try #require(first["id"] as? String)
        #expect(first["start"] as? String == "2026-11-24T09:00:00Z")
        #expect(first["end"] as? String == "2026-11-24T10:00:00Z")
        #expect(first["icalUID"] as? String == firstID + "@fieldbook")
        // [11:00, 12:00) touches [10:00, 11:00): no collision.
        let second = try cli.newID(
            "appointment", "add", "--subject", "Bauer", "--start", "tomorrow 11:00", "--end", "12:00")

        let refused = try cli.run(
            "appointment", "add", "--subject", "Clash", "--start", "tomorrow 10:30", "--duration", "90m")
        #expect(refused.exitCode == 5)
        #expect(refused.stderr.contains(firstID) && refused.stderr.contains(second))
        #expect(refused.stderr.contains("--force"))
        #expect(refused.stderr.contains("Overlapping appointments"))

        let json = try cli.run(
            "appointment", "add", "--subject", "Clash", "--start", "tomorrow 10:30", "--duration", "90m", "--json")
        #expect(json.exitCode == 5)
        let report = try #require(try json.json() as? [String: Any])
        #expect(report["error"] as? String == "scheduling_conflict")
        #expect(recordIDs(report["collisions"]) == [firstID, second])
        #expect(recordIDs(try cli.jsonOutput(["appointment", "list"])) == [firstID, second])

        let forced = try cli.newID(
            "appointment", "add", "--subject", "Clash", "--start", "tomorrow 10:30", "--duration", "90m", "--force"
        )
        #expect(recordIDs(try cli.jsonOutput(["appointment", "list"])) == [firstID, forced, second])
    }

    @Test func editingMovesKeepsDurationAndChecksCollisions() throws {
        let cli = try CLIRunner()
        let first = try cli.newID(
            "appointment", "add", "--subject", "A", "--start", "tomorrow 10:00", "--duration", "90m")
        let second = try cli.newID("appointment", "add", "--subject", "B", "--start", "tomorrow 14:00")
        #expect(try cli.jsonObject("appointment", "show", second)["end"] as? String == "2026-11-24T14:00:00Z")  // 1 hour default

        let moved = try cli.jsonObject("appointment", "edit", first, "--start", "2026-11-25 08:00")
        #expect(moved["start"] as? String == "2026-11-25T07:00:00Z")
        #expect(moved["end"] as? String == "2026-11-25T08:30:00Z")
        let shorter = try cli.jsonObject("appointment", "edit", first, "--duration", "30m", "--location", "Ulm")
        #expect(shorter["end"] as? String == "2026-11-25T07:30:00Z")
        #expect(shorter["location"] as? String == "Ulm")

        let onto = try cli.run("appointment", "edit", first, "--start", "tomorrow 14:15")
        #expect(onto.exitCode == 5)
        #expect(try cli.jsonObject("appointment", "show", first)["start"] as? String == "2026-11-25T07:00:00Z")
        #expect(try cli.run("appointment", "edit", first, "--start", "tomorrow 14:15", "--force").exitCode == 0)
        #expect(try cli.run("appointment", "edit", first, "--subject", "A2").exitCode == 0)  // no time change: no check

        #expect(try cli.run("appointment", "delete", second).exitCode == 0)
        #expect(try cli.run("appointment", "show", second).exitCode == 3)
    }

    @Test func listsARangeInLocalDays() throws {
        let cli = try CLIRunner()
        let today = try cli.newID("appointment", "add", "--subject", "Today", "--start", "today 16:00")
        let tomorrow = try cli.newID(
            "appointment", "add", "--subject", "Tomorrow", "--start", "tomorrow 23:30", "--duration", "20m")
        let later = try cli.newID("appointment", "add", "--subject", "Later", "--start", "in 5 days 09:00")
        let past = try cli.newID("appointment", "add", "--subject", "Past", "--start", "yesterday 09:00")
        #expect(recordIDs(try cli.jsonOutput(["appointment", "list"])) == [today, tomorrow, later])
        #expect(recordIDs(try cli.jsonOutput(["appointment", "list", "--all"])) == [past, today, tomorrow, later])
        #expect(
            recordIDs(try cli.jsonOutput(["appointment", "list", "--from", "tomorrow", "--to", "tomorrow"])) == [
                tomorrow
            ])
        let human = try cli.run("appointment", "list", "--to", "today")
        #expect(human.stdout.contains("2026-11-23 16:00"))
        #expect(!human.stdout.contains("Tomorrow"))
    }

    @Test func badTimesAreUsageErrors() throws {
        let cli = try CLIRunner()
        #expect(try cli.run("appointment", "add", "--subject", "x", "--start", "whenever").exitCode == 2)
        #expect(try cli.run("appointment", "add", "--subject", "x").exitCode == 2)
        let both = try cli.run(
            "appointment", "add", "--subject", "x", "--start", "tomorrow 10:00", "--end", "11:00", "--duration", "1h")
        #expect(both.exitCode == 2)
        let backwards = try cli.run(
            "appointment", "add", "--subject", "x", "--start", "tomorrow 10:00", "--end", "09:00")
        #expect(backwards.exitCode == 4)
        #expect(recordIDs(try cli.jsonOutput(["appointment", "list", "--all"])).isEmpty)
    }
}
