import FieldbookClient
import FieldbookModel
import FieldbookSync
import Foundation
import Testing

@Suite("fieldbook report")
struct ReportCommandTests {
    /// An opportunity as the test knows it (amount in cents).
    struct Opportunity {
        var id: String, owner: String, account: String, phase: String?, status: String, cents: Int
        var expectedClose: String?, closeDate: String?, reason: String?
    }

    static let probability = ["qualification": 10, "needs_analysis": 25, "proposal": 50, "negotiation": 75]
    static let territory = ["acc-1": "t-north", "acc-2": "t-south"]
    static let opportunities: [Opportunity] = [
        .init(id: "o-01", owner: "u-anna", account: "acc-1", phase: "proposal", status: "open", cents: 1_000_000, expectedClose: "2026-12-10"),
        .init(id: "o-02", owner: "u-anna", account: "acc-2", phase: "qualification", status: "open", cents: 333_333, expectedClose: "2027-01-05"),
        .init(id: "o-03", owner: "u-ben", account: "acc-1", phase: "negotiation", status: "open", cents: 250_050, expectedClose: "2026-12-20"),
        .init(id: "o-04", owner: "u-ben", account: "acc-2", phase: "proposal", status: "open", cents: 0, expectedClose: nil),
        .init(id: "o-05", owner: "u-anna", account: "acc-1", phase: "mystery", status: "open", cents: 99_999, expectedClose: "2026-12-01"),
        .init(id: "o-06", owner: "u-anna", account: "acc-1", phase: "negotiation", status: "won", cents: 500_000, closeDate: "2026-10-02", reason: "best offer"),
        .init(id: "o-07", owner: "u-ben", account: "acc-2", phase: "proposal", status: "won", cents: 120_000, closeDate: "2026-11-15", reason: "price"),
        .init(id: "o-08", owner: "u-anna", account: "acc-2", phase: "proposal", status: "lost", cents: 80_000, closeDate: "2026-11-03", reason: "price"),
        .init(id: "o-09", owner: "u-ben", account: "acc-1", phase: "qualification", status: "lost", cents: 40_000, closeDate: "2026-09-20", reason: "timing"),
        .init(id: "o-10", owner: "u-ben", account: "acc-1", phase: "proposal", status: "lost", cents: 10_000, closeDate: "2026-11-21", reason: "price"),
        .init(id: "o-11", owner: "u-anna", account: "acc-1", phase: "proposal", status: "cancelled", cents: 70_000, closeDate: "2026-11-10", reason: "budget"),
    ]
    /// (id, owner, kind, day, minutes)
    static let activities: [(String, String, String, String, Int)] = [
        ("a-1", "u-anna", "visit", "2026-11-02", 60), ("a-2", "u-anna", "call", "2026-11-03", 15),
        ("a-3", "u-anna", "visit", "2026-11-04", 45), ("a-4", "u-ben", "email", "2026-11-05", 5),
        ("a-5", "u-ben", "call", "2026-10-01", 20),
    ]
    /// (id, category, status, opened, closed)
    static let tickets: [(String, String, String, String, String?)] = [
        ("t-1", "quality", "closed", "2026-11-01T08:00:00Z", "2026-11-01T14:30:00Z"),
        ("t-2", "quality", "resolved", "2026-11-02T08:00:00Z", "2026-11-03T09:00:00Z"),
        ("t-3", "delivery", "new", "2026-11-04T08:00:00Z", nil),
        ("t-4", "quality", "in_progress", "2026-11-05T08:00:00Z", nil),
        ("t-5", "delivery", "closed", "2026-11-06T08:00:00Z", "2026-11-06T10:00:00Z"),
    ]

    /// The records, as the server sends them by sync.
    func seed(_ cli: CLIRunner) throws {
        try cli.withDatabase { database, clock in
            var server = Replica(id: ReplicaID(unchecked: "server"))
            var changes: [Change?] = []
            func add(_ entity: String, _ id: String, _ fields: [String: String], ints: [String: Int64] = [:]) {
                changes.append(
                    server.change(entity, id, physical: clock.nowMillis()) { change in
                        for (field, value) in fields.sorted(by: { $0.key < $1.key }) { change.set(field, to: .text(value)) }
                        for (field, value) in ints { change.set(field, to: .int(value)) }
                    }
                )
            }
            for (account, territory) in Self.territory {
                add("territory", territory, ["name": territory])
                add("account", account, ["name": account, "territory": territory])
            }
            for opportunity in Self.opportunities {
                var fields = ["account": opportunity.account, "name": opportunity.id, "owner": opportunity.owner,
                              "status": opportunity.status, "amount": Self.money(opportunity.cents)]
                fields["phase"] = opportunity.phase
                fields["expectedCloseDate"] = opportunity.expectedClose
                fields["closeDate"] = opportunity.closeDate
                fields["closeReason"] = opportunity.reason
                add("opportunity", opportunity.id, fields)
            }
            for (id, owner, kind, day, minutes) in Self.activities {
                add("activity", id, ["kind": kind, "subject": id, "account": "acc-1", "owner": owner, "occurredAt": day + "T09:00:00Z"],
                    ints: ["durationMinutes": Int64(minutes)])
            }
            for (id, category, status, opened, closed) in Self.tickets {
                var fields = ["subject": id, "account": "acc-2", "category": category, "status": status, "openedAt": opened]
                fields["closedAt"] = closed
                add("ticket", id, fields)
            }
            add("campaign", "cmp-1", ["name": "Spring mailing"])
            add("lead", "l-1", ["status": "qualified", "lastName": "Weber", "campaign": "cmp-1", "convertedOpportunity": "o-06"])
            for (index, status) in ["sent", "responded", "responded", "bounced"].enumerated() {
                add("campaign_member", "m-\(index)", ["campaign": "cmp-1", "contact": "c-\(index)", "status": status])
            }
            try database.applyRemote(changes.compactMap { $0 })
        }
    }

    static func money(_ cents: Int) -> String { "\(cents / 100)." + (cents % 100 < 10 ? "0" : "") + "\(cents % 100)" }
    static func weighted(_ opportunity: Opportunity) -> Int {
        let percent = opportunity.phase.flatMap { probability[$0] } ?? 0
        return (2 * opportunity.cents * percent + 100) / 200
    }

    private func report(_ cli: CLIRunner, _ arguments: String...) throws -> [String: Any] {
        let result = try cli.run(["report"] + arguments + ["--json"])
        #expect(result.exitCode == 0, "\(arguments): \(result.stderr)")
        return try #require(try result.json() as? [String: Any])
    }

    private func rows(_ json: [String: Any], _ section: String) throws -> [[String: Any]] {
        try #require(json[section] as? [[String: Any]], "no \(section) in \(json.keys)")
    }

    @Test func funnelAndForecastJSON() throws {
        let cli = try CLIRunner()
        try seed(cli)
        let funnel = try report(cli, "funnel")
        #expect(funnel["report"] as? String == "funnel")
        let open = Self.opportunities.filter { $0.status == "open" }
        let phases = try rows(funnel, "phases")
        #expect(phases.map { $0["phase"] as? String } == ["qualification", "proposal", "negotiation", "mystery"])
        for row in phases {
            let members = open.filter { $0.phase == row["phase"] as? String }
            #expect(row["count"] as? Int == members.count)
            #expect(row["amount"] as? String == Self.money(members.reduce(0) { $0 + $1.cents }))
            #expect(row["weighted"] as? String == Self.money(members.reduce(0) { $0 + Self.weighted($1) }))
        }
        let summary = try #require(funnel["summary"] as? [String: Any])
        #expect(summary["weighted"] as? String == Self.money(open.reduce(0) { $0 + Self.weighted($1) }))

        let anna = try rows(try report(cli, "funnel", "--rep", "u-anna"), "phases")
        #expect(anna.reduce(0) { $0 + ($1["count"] as? Int ?? 0) } == open.filter { $0.owner == "u-anna" }.count)
        let south = try rows(try report(cli, "funnel", "--territory", "t-south"), "phases")
        #expect(south.map { $0["phase"] as? String } == ["qualification", "proposal"])

        let forecast = try report(cli, "forecast", "--by", "rep", "--from", "2026-12-01", "--to", "2026-12-31")
        let months = try rows(forecast, "months")
        let december = open.filter { $0.expectedClose?.hasPrefix("2026-12") == true }
        #expect(months.map { $0["month"] as? String } == ["2026-12"])
        #expect(months.first?["weighted"] as? String == Self.money(december.reduce(0) { $0 + Self.weighted($1) }))
        let byRep = try rows(forecast, "monthsByRep")
        #expect(byRep.map { $0["rep"] as? String } == ["u-anna", "u-ben"])
    }

    @Test func winRateRevenueActivitiesCampaignsAndTicketsJSON() throws {
        let cli = try CLIRunner()
        try seed(cli)
        let winRate = try report(cli, "win-rate")
        let closed = Self.opportunities.filter { $0.status != "open" }
        let won = closed.filter { $0.status == "won" }.count
        let lost = closed.filter { $0.status == "lost" }
        let summary = try #require(winRate["summary"] as? [String: Any])
        #expect(summary["won"] as? Int == won && summary["lost"] as? Int == lost.count && summary["cancelled"] as? Int == 1)
        let basisPoints = (2 * won * 10_000 + won + lost.count) / (2 * (won + lost.count))
        #expect(summary["winRate"] as? String == "\(basisPoints / 100)." + (basisPoints % 100 < 10 ? "0" : "") + "\(basisPoints % 100)")
        let reasons = try rows(winRate, "lossReasons")
        #expect(reasons.first?["reason"] as? String == "price")
        #expect(reasons.first?["count"] as? Int == lost.filter { $0.reason == "price" }.count)
        #expect(reasons.first?["amount"] as? String == Self.money(lost.filter { $0.reason == "price" }.reduce(0) { $0 + $1.cents }))
        let november = try #require(try report(cli, "win-rate", "--from", "2026-11-01", "--to", "2026-11-30")["summary"] as? [String: Any])
        #expect(november["lost"] as? Int == lost.filter { $0.closeDate!.hasPrefix("2026-11") }.count)

        let wonOpportunities = closed.filter { $0.status == "won" }
        for (by, key) in [("month", { (o: Opportunity) in String(o.closeDate!.prefix(7)) }), ("rep", { $0.owner }),
                          ("region", { Self.territory[$0.account]! })] {
            let revenue = try rows(try report(cli, "revenue", "--by", by), "rows")
            let expected = Dictionary(grouping: wonOpportunities, by: key)
            #expect(revenue.count == expected.count, "\(by)")
            for row in revenue {
                let members = try #require(expected[row["key"] as? String ?? ""])
                #expect(row["amount"] as? String == Self.money(members.reduce(0) { $0 + $1.cents }))
                #expect(row["opportunities"] as? Int == members.count)
            }
        }

        let activities = try report(cli, "activities", "--from", "2026-11-01")
        let reps = try rows(activities, "reps")
        let recent = Self.activities.filter { $0.3 >= "2026-11-01" }
        for row in reps {
            let members = recent.filter { $0.1 == row["rep"] as? String }
            #expect(row["count"] as? Int == members.count && row["minutes"] as? Int == members.reduce(0) { $0 + $1.4 })
        }
        #expect(try rows(activities, "repsAndKinds").count == Set(recent.map { $0.1 + $0.2 }).count)

        let campaign = try #require(try rows(try report(cli, "campaigns"), "campaigns").first)
        #expect(campaign["recipients"] as? Int == 4 && campaign["responses"] as? Int == 2 && campaign["responseRate"] as? String == "50.00")
        #expect(campaign["leads"] as? Int == 1 && campaign["won"] as? Int == 1)
        #expect(campaign["revenue"] as? String == Self.money(Self.opportunities.first { $0.id == "o-06" }!.cents))

        let tickets = try report(cli, "tickets")
        let quality = try #require(try rows(tickets, "categories").first { $0["category"] as? String == "quality" })
        // quality: closed after 6.5 h and 25 h → mean 15.75, median 15.75.
        let hours = [6.5, 25.0]
        #expect(quality["count"] as? Int == 3 && quality["closed"] as? Int == hours.count)
        #expect(quality["meanHours"] as? String == "15.75" && quality["medianHours"] as? String == "15.75")
        let ticketSummary = try #require(tickets["summary"] as? [String: Any])
        // All closed: 6.5, 25, 2 → mean 11.17 (33.5 / 3), median 6.5.
        #expect(ticketSummary["meanHours"] as? String == "11.17" && ticketSummary["medianHours"] as? String == "6.50")
    }

    @Test func tablesCarryBoundedBarCharts() throws {
        let cli = try CLIRunner(environment: ["FIELDBOOK_NOW": "2026-11-23T08:00:00Z", "FIELDBOOK_TZ": "Europe/Berlin", "COLUMNS": "70"])
        try seed(cli)
        let result = try cli.run("report", "funnel")
        #expect(result.exitCode == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("PHASE") && $0.contains("WEIGHTED") })
        let bars = lines.filter { $0.contains("█") || $0.contains("▏") || $0.contains("▌") }
        #expect(!bars.isEmpty)
        #expect(lines.allSatisfy { $0.count <= 90 }, "bounded width")
        // The longest bar belongs to the phase with the largest weighted amount (proposal: 5000.00).
        let longest = try #require(bars.max { $0.filter { $0 == "█" }.count < $1.filter { $0 == "█" }.count })
        #expect(longest.hasPrefix("proposal"))
        #expect(longest.hasSuffix(Self.money(Self.opportunities.filter { $0.status == "open" && $0.phase == "proposal" }.reduce(0) { $0 + Self.weighted($1) })))
    }

    @Test func badInputIsAUsageError() throws {
        let cli = try CLIRunner()
        let grouping = try cli.run("report", "revenue", "--by", "week")
        #expect(grouping.exitCode == 2 && grouping.stderr.contains("month, rep, region, product"))
        #expect(try cli.run("report", "funnel", "--from", "someday").exitCode == 2)
        let reversed = try cli.run("report", "tickets", "--from", "2026-12-01", "--to", "2026-11-01")
        #expect(reversed.exitCode == 2 && reversed.stderr.contains("before"))
        let empty = try report(cli, "funnel")
        #expect((empty["phases"] as? [Any])?.isEmpty == true)
        let help = try cli.run("report", "--help").stdout
        for kind in ReportKind.allCases { #expect(help.contains(kind.rawValue)) }
    }
}
