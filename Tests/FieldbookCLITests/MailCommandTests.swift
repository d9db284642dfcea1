import Foundation
import Testing

@Suite("fieldbook mail file")
struct MailCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/mail")

    @Test func aMessageIsFiledOnTheContactAndAccountOnceAndShowsInThe360View() throws {
        let cli = try CLIRunner()
        let mueller = try cli.account("Müller GmbH")
        let anna = try #require(
            try cli.record(
                "contact", "add", "--account", mueller, "--last-name", "Schmidt", "--email", "anna.schmidt@mueller-gmbh.de"
            )["id"] as? String
        )
        let message = Self.fixtures.appendingPathComponent("inbound-multipart.eml").path

        let filed = try cli.run("mail", "file", message, "--json")
        #expect(filed.exitCode == 0, "\(filed.stderr)")
        let result = try #require(try filed.json() as? [String: Any])
        #expect(result["direction"] as? String == "inbound")
        #expect(result["subject"] as? String == "Anfrage Pumpen für das Werk Nord")
        let activities = try #require(result["activities"] as? [[String: Any]])
        #expect(activities.count == 1)
        let activity = try #require(activities.first?["activity"] as? String)
        #expect(activities.first?["contact"] as? String == anna && activities.first?["created"] as? Bool == true)

        let stored = try cli.record("activity", "show", activity)
        #expect(stored["kind"] as? String == "email" && stored["account"] as? String == mueller)
        #expect(stored["occurredAt"] as? String == "2026-11-17T08:15:00Z")
        let overview = try cli.record("account", "show", mueller)
        #expect(String(describing: overview).contains(activity), "the 360° view lists the filed e-mail")

        let again = try cli.run("mail", "file", message)
        #expect(again.exitCode == 0)
        #expect(again.stdout.contains("filed before"))
        #expect(try cli.ids("activity", "list").count == 1)
    }

    @Test func unknownSendersAndNonMessagesGetClearErrors() throws {
        let cli = try CLIRunner()
        let unknown = try cli.run("mail", "file", Self.fixtures.appendingPathComponent("unknown-sender.eml").path)
        #expect(unknown.exitCode == 3)
        #expect(unknown.stderr.contains("someone@unknown.example"))

        let notMail = cli.home + "/note.txt"
        try "hello\n".write(toFile: notMail, atomically: true, encoding: .utf8)
        let refused = try cli.run("mail", "file", notMail)
        #expect(refused.exitCode == 4)
        #expect(refused.stderr.contains("not an e-mail message"))
    }
}
