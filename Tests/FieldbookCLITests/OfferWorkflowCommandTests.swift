import Foundation
import Testing

@Suite("fieldbook offer send/accept/reject/expire/print")
struct OfferWorkflowCommandTests {
    /// A draft offer with one line on a new account; returns its ID.
    func draft(_ cli: CLIRunner, validUntil: String = "in 2 days", owner: String = "u-rep") throws -> String {
        let account = try cli.newID("account", "add", "--name", "Müller & Söhne <GmbH>")
        let offer = try cli.newID("offer", "add", "--account", account, "--valid-until", validUntil, "--owner", owner)
        try cli.run("offer", "line", "add", offer, "--product", "p", "--quantity", "3", "--price", "19.99", "--discount", "12.5")
        return offer
    }

    @Test func sendCreatesTheFollowUpTaskShownInToday() throws {
        let cli = try CLIRunner()
        let offer = try draft(cli)
        let sent = try cli.jsonObject("offer", "send", offer)
        #expect(sent["status"] as? String == "sent")
        #expect(sent["followUpTaskDue"] as? String == "2026-11-23", "short validity: due at once")
        let task = try #require(sent["followUpTask"] as? String)
        let today = try cli.jsonObject("today", "--user", "u-rep")
        #expect(recordIDs(today["tasks"]) == [task])

        let again = try cli.run("offer", "send", offer)
        #expect(again.exitCode == 4)
        #expect(again.stderr.contains("already sent"))
        let accepted = try cli.jsonObject("offer", "accept", offer)
        #expect(accepted["status"] as? String == "accepted")
        #expect(recordIDs(try cli.jsonObject("today", "--user", "u-rep")["tasks"]).isEmpty, "accepting closes the task")
        let human = try cli.run("offer", "show", offer)
        #expect(human.stdout.contains("provisional:") && human.stdout.contains("assigned by the server"))
        let rejected = try cli.run("offer", "reject", offer, "--reason", "late")
        #expect(rejected.exitCode == 4)
        #expect(rejected.stderr.contains("accepted is final"))
    }

    @Test func illegalStepsExitFourAndMissingOffersThree() throws {
        let cli = try CLIRunner()
        let offer = try draft(cli)
        let accept = try cli.run("offer", "accept", offer)
        #expect(accept.exitCode == 4)
        #expect(accept.stderr.contains("is draft and cannot become accepted"))
        #expect(try cli.run("offer", "expire", offer).exitCode == 4)
        try cli.run("offer", "send", offer, "--valid-until", "2026-12-15", "--follow-up-days", "5")
        let noReason = try cli.run("offer", "reject", offer)
        #expect(noReason.exitCode == 4)
        #expect(noReason.stderr.contains("needs a reason"))
        let rejected = try cli.jsonObject("offer", "reject", offer, "--reason", "too expensive")
        #expect(rejected["status"] as? String == "rejected")
        #expect(try cli.run("offer", "send", "no-such-offer").exitCode == 3)
    }

    @Test func aSentOfferPastItsValidityShowsAsExpired() throws {
        var cli = try CLIRunner()
        let offer = try draft(cli)
        try cli.run("offer", "send", offer)
        cli.environment["FIELDBOOK_NOW"] = "2026-11-30T08:00:00Z"
        let shown = try cli.jsonObject("offer", "show", offer)
        #expect(shown["status"] as? String == "sent" && shown["effectiveStatus"] as? String == "expired")
        #expect(try cli.run("offer", "list").stdout.contains("expired"))
        #expect(recordIDs(try cli.jsonOutput(["offer", "list", "--status", "expired"])) == [offer])
        #expect(recordIDs(try cli.jsonOutput(["offer", "list", "--status", "sent"])).isEmpty)
        let accept = try cli.run("offer", "accept", offer)
        #expect(accept.exitCode == 4)
        #expect(accept.stderr.contains("expired"))
        #expect(try cli.jsonObject("offer", "expire", offer)["status"] as? String == "expired")
        let resent = try cli.jsonObject("offer", "send", offer, "--valid-until", "2026-12-31")
        #expect(resent["status"] as? String == "sent" && resent["followUpTaskDue"] as? String == "2026-12-28")
    }

    @Test func printWritesEscapedHTMLWithTotals() throws {
        let cli = try CLIRunner()
        let offer = try draft(cli)
        let stdout = try cli.run("offer", "print", offer)
        #expect(stdout.exitCode == 0)
        #expect(stdout.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(stdout.stdout.contains("Müller &amp; Söhne &lt;GmbH&gt;"))
        #expect(stdout.stdout.contains(">52.47</td>") && stdout.stdout.contains(">9.97</td>") && stdout.stdout.contains(">62.44</td>"))
        let file = cli.home + "/offer.html"
        let written = try cli.run("offer", "print", offer, "--output", file)
        #expect(written.exitCode == 0)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == stdout.stdout)
    }
}
