import FieldbookClient
import FieldbookModel
import FieldbookSync
import Foundation
import Testing

@Suite("fieldbook campaign")
struct CampaignCommandTests {
    /// Campaigns as the office plans them on the server, received by sync.
    func campaigns(_ cli: CLIRunner) throws {
        try cli.withDatabase { database, clock in
            var server = Replica(id: ReplicaID(unchecked: "server"))
            let planned: [(String, String, String, String)] = [
                ("camp-fair", "Trade fair 2027", "event", "planned"), ("camp-mail", "Spring mailing", "letter", "active"),
            ]
            let changes = planned.compactMap { id, name, channel, status in
                server.change("campaign", id, physical: clock.nowMillis()) { change in
                    change.set("name", to: .text(name))
                    change.set("channel", to: .text(channel))
                    change.set("status", to: .text(status))
                    change.set("startDate", to: id == "camp-mail" ? "2026-03-01" : "2027-02-10")
                }
            }
            try database.applyRemote(changes)
        }
    }

    @Test func repsListAndShowCampaignsAndMayNotWriteThem() throws {
        let cli = try CLIRunner()
        try campaigns(cli)
        #expect(try cli.ids("campaign", "list") == ["camp-mail", "camp-fair"], "by start date")
        #expect(try cli.ids("campaign", "list", "--status", "active") == ["camp-mail"])
        #expect(try cli.ids("campaign", "list", "--channel", "event") == ["camp-fair"])
        #expect(try cli.ids("campaign", "list", "--search", "fair") == ["camp-fair"])
        let fair = try cli.record("campaign", "show", "camp-fair")
        expectRecordShape(fair, of: .campaign)
        #expect(fair["templates"] as? [Any] != nil)

        let add = try cli.run("campaign", "add", "--name", "Autumn")
        #expect(add.exitCode == 4)
        #expect(add.stderr.contains("may not write campaign"))
        #expect(try cli.run("campaign", "edit", "camp-fair", "--status", "active").exitCode == 4)
        #expect(try cli.run("campaign", "delete", "camp-fair").exitCode == 4)
        #expect(try cli.run("campaign", "show", "camp-none").exitCode == 3)

        let lead = try cli.record(
            "lead", "add", "--last-name", "Weber", "--source", "campaign", "--campaign", "camp-fair", "--owner", "u-anna",
            "--follow-up", "tomorrow"
        )
        #expect(lead["campaign"] as? String == "camp-fair", "reps link leads to campaigns")
        #expect(try cli.ids("lead", "list", "--campaign", "camp-fair") == [try #require(lead["id"] as? String)])
    }
}
