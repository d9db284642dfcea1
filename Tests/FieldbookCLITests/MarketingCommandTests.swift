import FieldbookClient
import FieldbookModel
import FieldbookSync
import Foundation
import Testing

@Suite("fieldbook campaign target/preview/send/member, event, competitor")
struct MarketingCommandTests {
    /// The office's campaign (e-mail, one template) and trade fair, received by sync.
    func officeData(_ cli: CLIRunner, body: String = "Dear {{contact.firstName}}, meet {{account.name}} at our booth.") throws {
        try cli.withDatabase { database, clock in
            var server = Replica(id: ReplicaID(unchecked: "server"))
            let campaign = server.change("campaign", "camp", physical: clock.nowMillis()) { change in
                change.set("name", to: "Spring presses")
                change.set("channel", to: "email")
                _ = change.insertItem(
                    "tpl", into: "templates", after: nil,
                    members: ["kind": "email", "name": "Invitation", "subject": "Hello {{contact.lastName}}", "body": .text(body)]
                )
            }
            let event = server.change("event", "fair", physical: clock.nowMillis() + 1) { change in
                change.set("name", to: "Hannover Messe")
                change.set("kind", to: "trade_fair")
                change.set("startDate", to: "2027-04-20")
            }
            try database.applyRemote([campaign, event].compactMap { $0 })
        }
    }

    /// Two accounts with three contacts; Otto refused e-mail.
    func customers(_ cli: CLIRunner) throws -> (karin: String, otto: String, hans: String) {
        let mueller = try cli.newID("account", "add", "--name", "Müller GmbH", "--industry", "Maschinenbau", "--owner", "u-anna")
        let handel = try cli.newID("account", "add", "--name", "Handel KG", "--industry", "Handel", "--owner", "u-anna")
        let karin = try cli.newID("contact", "add", "--first-name", "Karin", "--last-name", "Weber", "--account", mueller)
        let otto = try cli.newID(
            "contact", "add", "--first-name", "Otto", "--last-name", "Adler", "--account", mueller, "--set", "noEmail=true"
        )
        let hans = try cli.newID("contact", "add", "--first-name", "Hans", "--last-name", "Klein", "--account", handel)
        return (karin, otto, hans)
    }

    private func contacts(_ value: Any) -> [String] {
        (value as? [[String: Any]])?.compactMap { $0["contact"] as? String } ?? []
    }

    @Test func targetPreviewSendRespondAndOptOut() throws {
        let cli = try CLIRunner()
        try officeData(cli)
        let people = try customers(cli)
        #expect(contacts(try cli.jsonOutput(["campaign", "target", "camp", "--dry-run"])) == [people.hans, people.karin])
        #expect(contacts(try cli.jsonOutput(["campaign", "target", "camp", "--industry", "maschinenbau", "--dry-run"])) == [people.karin])
        #expect((try cli.jsonOutput(["campaign", "member", "list", "camp"]) as? [Any])?.isEmpty == true, "dry run selects nobody")
        let wrongClass = try cli.run("campaign", "target", "camp", "--abc", "Z")
        #expect(wrongClass.exitCode == 4 && wrongClass.stderr.contains("ABC class Z"))

        let preview = try cli.jsonObject("campaign", "preview", "camp", "--contact", people.karin)
        #expect(preview["subject"] as? String == "Hello Weber")
        #expect(preview["body"] as? String == "Dear Karin, meet Müller GmbH at our booth.")
        #expect(try cli.run("campaign", "preview", "camp", "--contact", "nobody").exitCode == 3)

        let sent = try cli.jsonObject("campaign", "send", "camp", "--industry", "Maschinenbau")
        let members = try #require(sent["sent"] as? [[String: Any]])
        #expect(members.map { $0["contact"] as? String } == [people.karin])
        let member = try #require(members.first?["id"] as? String)
        #expect(member == MarketingIDs.campaignMember(campaign: "camp", contact: people.karin))
        let second = try cli.jsonObject("campaign", "send", "camp")
        #expect((second["sent"] as? [[String: Any]])?.map { $0["contact"] as? String } == [people.hans])
        #expect(second["alreadySent"] as? [String] == [member])
        #expect(try cli.run("campaign", "send", "camp").stdout.contains("0 contact(s); 2 had it already"))

        let responded = try cli.jsonObject("campaign", "respond", member, "--lead", "--response", "Wants a demo", "--owner", "u-ben")
        let lead = try #require(responded["lead"] as? [String: Any])
        #expect(lead["source"] as? String == "campaign" && lead["campaign"] as? String == "camp" && lead["owner"] as? String == "u-ben")
        #expect((responded["member"] as? [String: Any])?["resultingLead"] as? String == lead["id"] as? String)
        let twice = try cli.run("campaign", "member", "respond", member, "--lead")
        #expect(twice.exitCode == 4 && twice.stderr.contains("already became lead"))
        #expect(try cli.run("campaign", "respond", member, "--lead", "--task").exitCode == 2)

        let hansMember = MarketingIDs.campaignMember(campaign: "camp", contact: people.hans)
        let optOut = try cli.jsonObject("campaign", "member", "opt-out", hansMember)
        #expect((optOut["contact"] as? [String: Any])?["noEmail"] as? Bool == true)
        #expect(contacts(try cli.jsonOutput(["campaign", "target", "camp", "--dry-run"])) == [people.karin])
        let bounced = try cli.run("campaign", "member", "bounce", hansMember)
        #expect(bounced.exitCode == 4 && bounced.stderr.contains("opted_out"))
    }

    @Test func unknownPlaceholdersAreNamedAndNothingIsSent() throws {
        let cli = try CLIRunner()
        try officeData(cli, body: "Dear {{contact.nickname}} from {{account.name}} {{oops}}")
        let people = try customers(cli)
        let preview = try cli.run("campaign", "preview", "camp", "--contact", people.karin)
        #expect(preview.exitCode == 4)
        #expect(preview.stderr.contains("{{contact.nickname}}") && preview.stderr.contains("{{oops}}"))
        #expect(!preview.stderr.contains("account.name"))
        #expect(try cli.run("campaign", "send", "camp").exitCode == 4)
        #expect((try cli.jsonOutput(["campaign", "member", "list", "camp"]) as? [Any])?.isEmpty == true)
    }

    @Test func eventInvitationsAttendanceAndLeads() throws {
        let cli = try CLIRunner()
        try officeData(cli)
        let people = try customers(cli)
        #expect(try cli.run("event", "add", "--name", "Own fair", "--start", "2027-01-01").exitCode == 4, "events are office data")
        #expect(recordIDs(try cli.jsonOutput(["event", "list"])) == ["fair"])

        let invited = try #require(try cli.jsonOutput(["event", "invite", "fair", "--contact", people.karin, "--contact", people.hans]) as? [[String: Any]])
        #expect(invited.map { $0["status"] as? String } == ["invited", "invited"])
        #expect(try cli.jsonObject("event", "register", "fair", "--contact", people.karin)["status"] as? String == "registered")
        #expect(try cli.jsonObject("event", "attend", "fair", "--contact", people.karin)["status"] as? String == "attended")
        #expect(try cli.jsonObject("event", "attend", "fair", "--contact", people.hans, "--no-show")["status"] as? String == "no_show")
        #expect(try cli.run("event", "invite", "fair").exitCode == 2)

        let lead = try cli.jsonObject(
            "event", "lead", "fair", "--name", "Karin Maria Weber", "--company", "Weber Metallbau AG", "--owner", "u-anna",
            "--contact", people.karin
        )
        #expect(lead["source"] as? String == "trade_fair" && lead["event"] as? String == "fair")
        #expect(lead["firstName"] as? String == "Karin Maria" && lead["lastName"] as? String == "Weber")
        #expect(lead["followUpDate"] as? String == "2026-11-24")
        let noOwner = try cli.run("event", "lead", "fair", "--company", "Anon AG")
        #expect(noOwner.exitCode == 4, "not signed in and no --owner: an open lead needs an owner")
        #expect(try cli.run("event", "lead", "nowhere", "--company", "X", "--owner", "u-anna").exitCode == 3)

        let shown = try cli.jsonObject("event", "show", "fair")
        #expect(recordIDs(shown["leads"]) == [try #require(lead["id"] as? String)])
        let registrations = try #require(shown["registrations"] as? [[String: Any]])
        #expect(registrations.count == 2)
        #expect(registrations.first { $0["contact"] as? String == people.karin }?["resultingLead"] as? String == lead["id"] as? String)
    }

    @Test func competitorsPerOpportunityAndObservations() throws {
        let cli = try CLIRunner()
        let account = try cli.newID("account", "add", "--name", "Müller GmbH")
        let opportunity = try cli.newID("opportunity", "add", "--account", account, "--name", "Press line", "--owner", "u-anna")
        let competitor = try cli.newID("competitor", "add", "--name", "PressCo", "--strengths", "Price")
        #expect(recordIDs(try cli.jsonOutput(["competitor", "list"])) == [competitor])
        let linked = try cli.jsonObject("opportunity", "competitor", "add", opportunity, competitor)
        #expect(linked["competitors"] as? [String] == [competitor])
        #expect(try cli.jsonObject("opportunity", "show", opportunity)["competitors"] as? [String] == [competitor])
        #expect(try cli.run("opportunity", "competitor", "add", opportunity, "ghost").exitCode == 3)

        try cli.run("competitor", "observe", competitor, "--note", "Offered 8 % off", "--opportunity", opportunity, "--date", "yesterday")
        let shown = try cli.jsonObject("competitor", "show", competitor)
        #expect(recordIDs(shown["opportunities"]) == [opportunity])
        let observations = try #require((shown["competitor"] as? [String: Any])?["observations"] as? [[String: Any]])
        #expect(observations.map { $0["note"] as? String } == ["Offered 8 % off"])
        #expect(observations.first?["date"] as? String == "2026-11-22")
        #expect(try cli.run("competitor", "show", competitor).stdout.contains("Offered 8 % off"))

        #expect(try cli.jsonObject("opportunity", "competitor", "remove", opportunity, competitor)["competitors"] as? [String] == [])
        #expect(recordIDs(try cli.jsonObject("competitor", "show", competitor)["opportunities"]).isEmpty)
    }

    @Test func targetWithoutDryRunSelectsMembersThatSendThenSends() throws {
        let cli = try CLIRunner()
        try officeData(cli)
        let people = try customers(cli)
        let selected = try cli.jsonOutput(["campaign", "target", "camp", "--industry", "Handel"])
        #expect(contacts(selected) == [people.hans])
        let listed = try #require(try cli.jsonOutput(["campaign", "member", "list", "camp"]) as? [[String: Any]])
        #expect(listed.count == 1 && listed.first?["status"] is NSNull, "selected, not sent")
        let human = try cli.run("campaign", "target", "camp", "--dry-run")
        #expect(human.exitCode == 0 && human.stdout.contains("Klein") && human.stdout.contains("MEMBER STATUS"))
        let sent = try cli.jsonObject("campaign", "send", "camp")
        #expect((sent["sent"] as? [[String: Any]])?.map { $0["contact"] as? String } == [people.hans], "only the selected member")
    }
}
