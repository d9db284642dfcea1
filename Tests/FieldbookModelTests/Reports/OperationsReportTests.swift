import FieldbookModel
import FieldbookSync
import Foundation
import Testing

@Suite("Reports: activities, campaigns, tickets, edge cases")
struct OperationsReportTests {
    @Test(arguments: [3, 11] as [UInt64])
    func activitiesPerRepAndKind(seed: UInt64) throws {
        let scenario = ReportScenario.generated(seed: seed)
        let dataset = ReportDataset(records: scenario.records)
        for criteria in ReportScenario.criteria where criteria.phase == nil && criteria.product == nil {
            let result = try ReportEngine.run(.activities, on: dataset, filter: criteria.filter)
            var byRep: [String: (count: Int, minutes: Int)] = [:]
            var byPair: [String: Int] = [:]
            for activity in scenario.activities {
                let rep = activity.owner ?? activity.assignee
                guard criteria.rep.map({ $0 == rep }) ?? true, criteria.inPeriod(activity.day), criteria.inTerritory(activity.account)
                else { continue }
                byRep[rep ?? "unassigned", default: (0, 0)].count += 1
                byRep[rep ?? "unassigned", default: (0, 0)].minutes += activity.minutes ?? 0
                byPair[(rep ?? "unassigned") + "|" + activity.kind, default: 0] += 1
            }
            let reps = try #require(result.section("reps"))
            #expect(reps.rows.count == byRep.count)
            for (rep, figures) in byRep {
                #expect(Cells.count(reps.row(rep)?["count"]) == figures.count)
                #expect(Cells.count(reps.row(rep)?["minutes"]) == figures.minutes)
            }
            let pairs = try #require(result.section("repsAndKinds"))
            #expect(pairs.rows.count == byPair.count)
            for (key, count) in byPair {
                let parts = key.split(separator: "|").map(String.init)
                #expect(Cells.count(pairs.row(parts[0], parts[1])?["count"]) == count)
            }
        }
    }

    @Test(arguments: [5, 9] as [UInt64])
    func ticketCountsAndHandlingTimes(seed: UInt64) throws {
        let scenario = ReportScenario.generated(seed: seed, count: 120)
        let dataset = ReportDataset(records: scenario.records)
        let criteriaList: [ReportScenario.Criteria] = [
            .init(), .init(from: "2026-04-01", to: "2026-08-31"), .init(rep: "u-cleo"), .init(territory: "t-north"),
            .init(product: "p-saw"),
        ]
        for criteria in criteriaList {
            let result = try ReportEngine.run(.tickets, on: dataset, filter: criteria.filter)
            let tickets = scenario.tickets.filter { ticket in
                let day = UTCDateTime(secondsSinceEpoch: ticket.opened)!.date.description
                return criteria.inPeriod(day) && (criteria.rep.map { $0 == ticket.assignee } ?? true)
                    && criteria.inTerritory(ticket.account) && (criteria.product.map { $0 == ticket.product } ?? true)
            }
            #expect(Cells.count(result.summary("count")) == tickets.count)
            let categories = try #require(result.section("categories"))
            for (category, members) in Dictionary(grouping: tickets, by: { $0.category ?? "none" }) {
                let durations = members.compactMap { ticket in ticket.closed.map { Int($0 - ticket.opened) } }.sorted()
                let row = try #require(categories.row(category))
                #expect(Cells.count(row["count"]) == members.count && Cells.count(row["closed"]) == durations.count)
                if durations.isEmpty {
                    #expect(row["meanHours"] == ReportCell.none && row["medianHours"] == ReportCell.none)
                } else {
                    let total = durations.reduce(0, +)
                    #expect(Cells.hundredths(row["meanHours"]) == ReportScenario.roundedDivision(total * 100, durations.count * 3600))
                    let middle = durations.count / 2
                    let median = durations.count % 2 == 1
                        ? ReportScenario.roundedDivision(durations[middle] * 100, 3600)
                        : ReportScenario.roundedDivision((durations[middle - 1] + durations[middle]) * 100, 7200)
                    #expect(Cells.hundredths(row["medianHours"]) == median, "\(category) \(criteria)")
                }
            }
            let statuses = try #require(result.section("statuses"))
            for (status, members) in Dictionary(grouping: tickets, by: \.status) {
                #expect(Cells.count(statuses.row(status)?["count"]) == members.count)
            }
        }
    }

    @Test func campaignSuccessCountsRecipientsResponsesLeadsAndWonRevenue() throws {
        var random = SplitMix(seed: 99)
        var scenario = ReportScenario()
        var expected: [String: (recipients: Int, responses: Int, leads: Set<String>, won: Int, cents: Int)] = [:]
        let contacts = ["c-1": "acc-1", "c-2": "acc-2", "c-3": "acc-3"]
        for (contact, account) in contacts {
            scenario.extra.append(ReportScenario.record("contact", contact, ["account": account, "lastName": contact]))
        }
        for campaign in ["cmp-a", "cmp-b", "cmp-c"] {
            scenario.extra.append(ReportScenario.record("campaign", campaign, ["name": campaign.uppercased()]))
            expected[campaign] = (0, 0, [], 0, 0)
            for index in 0..<(3 + random.below(6)) {
                let contact = contacts.keys.sorted()[random.below(3)]
                let status = ["sent", "bounced", "responded", "opted_out"][random.below(4)]
                var fields = ["campaign": campaign, "contact": contact, "status": status]
                expected[campaign]!.recipients += 1
                if status == "responded" { expected[campaign]!.responses += 1 }
                if status == "responded", random.below(2) == 0 {
                    let lead = "l-\(campaign)-\(index)"
                    fields["resultingLead"] = lead
                    scenario.extra.append(ReportScenario.record("lead", lead, ["status": "qualified", "lastName": lead]))
                    expected[campaign]!.leads.insert(lead)
                }
                scenario.extra.append(ReportScenario.record("campaign_member", "m-\(campaign)-\(index)", fields))
            }
            // Leads naming the campaign directly, some converted into opportunities.
            for index in 0..<random.below(4) {
                let lead = "ld-\(campaign)-\(index)"
                expected[campaign]!.leads.insert(lead)
                let status = ["open", "won", "lost"][random.below(3)]
                let cents = random.below(1_000_000)
                var leadFields = ["status": "qualified", "lastName": lead, "campaign": campaign]
                if random.below(2) == 0 { leadFields["convertedOpportunity"] = "opp-\(lead)" }
                scenario.extra.append(ReportScenario.record("lead", lead, leadFields))
                scenario.opportunities.append(
                    .init(id: "opp-\(lead)", owner: "u-anna", account: "acc-1", phase: nil, status: status, cents: cents,
                          closeDate: status == "open" ? nil : "2026-05-05", closeReason: status == "open" ? nil : "x", lead: lead)
                )
                if status == "won" { expected[campaign]!.won += 1; expected[campaign]!.cents += cents }
            }
        }
        let result = try ReportEngine.run(.campaigns, on: ReportDataset(records: scenario.records), filter: ReportFilter())
        let section = try #require(result.section("campaigns"))
        #expect(section.rows.count == 3)
        for (campaign, figures) in expected {
            let row = try #require(section.row(campaign))
            #expect(Cells.count(row["recipients"]) == figures.recipients && Cells.count(row["responses"]) == figures.responses)
            #expect(Cells.count(row["leads"]) == figures.leads.count, "\(campaign)")
            #expect(Cells.count(row["won"]) == figures.won && Cells.cents(row["revenue"]) == figures.cents)
            #expect(row["name"] == .text(campaign.uppercased()))
        }
        #expect(Cells.cents(result.summary("revenue")) == expected.values.reduce(0) { $0 + $1.cents })
    }

    @Test func campaignsCountWhenTheirDatesOverlapThePeriod() throws {
        let campaigns: [(id: String, start: String?, end: String?)] = [
            ("cmp-early", "2026-01-01", "2026-02-28"), ("cmp-spring", "2026-03-15", "2026-05-31"),
            ("cmp-open", "2026-06-01", nil), ("cmp-undated", nil, nil),
        ]
        var scenario = ReportScenario()
        for campaign in campaigns {
            var fields = ["name": campaign.id]
            fields["startDate"] = campaign.start
            fields["endDate"] = campaign.end
            scenario.extra.append(ReportScenario.record("campaign", campaign.id, fields))
        }
        let filter = ReportFilter(from: CalendarDate(parsing: "2026-05-01"), to: CalendarDate(parsing: "2026-06-30"))
        let result = try ReportEngine.run(.campaigns, on: ReportDataset(records: scenario.records), filter: filter)
        let shown = Set(result.section("campaigns")?.rows.map { $0[0].description } ?? [])
        let expected = Set(campaigns.filter { campaign in
            (campaign.end.map { $0 >= "2026-05-01" } ?? true) && (campaign.start.map { $0 <= "2026-06-30" } ?? true)
        }.map(\.id))
        #expect(shown == expected && shown.contains("cmp-spring") && !shown.contains("cmp-early"))
    }

    @Test func aTicketClosedBeforeItOpenedIsNotAHandlingTime() throws {
        var scenario = ReportScenario()
        scenario.tickets = [
            .init(id: "t-1", account: "acc-1", category: "billing", status: "closed", opened: 1_767_225_600, closed: 1_767_225_600 - 60, assignee: nil, product: nil),
            .init(id: "t-2", account: "acc-1", category: "billing", status: "closed", opened: 1_767_225_600, closed: 1_767_225_600 + 5_400, assignee: nil, product: nil),
        ]
        let result = try ReportEngine.run(.tickets, on: ReportDataset(records: scenario.records), filter: ReportFilter())
        let row = try #require(result.section("categories")?.row("billing"))
        #expect(Cells.count(row["count"]) == 2 && Cells.count(row["closed"]) == 1)
        #expect(Cells.hundredths(row["meanHours"]) == 150 && Cells.hundredths(row["medianHours"]) == 150, "5400 s = 1.50 h")
    }

    @Test(arguments: ReportKind.allCases)
    func noDataGivesEmptyTablesAndZeroTotals(kind: ReportKind) throws {
        let result = try ReportEngine.run(kind, on: ReportDataset(records: []), filter: ReportFilter())
        #expect(result.sections.allSatisfy { $0.rows.isEmpty } || kind == .winRate)
        for (key, cell) in result.summary where key != "by" {
            #expect(cell == .count(0) || cell == .none || Cells.cents(cell) == 0, "\(key) = \(cell)")
        }
    }

    @Test func theJSONHasStableMemberNamesAndAmountsAsStrings() throws {
        var scenario = ReportScenario()
        scenario.opportunities = [.init(id: "o1", owner: "u-anna", account: "acc-1", phase: "proposal", status: "open", cents: 123_456)]
        let result = try ReportEngine.run(.funnel, on: ReportDataset(records: scenario.records), filter: ReportFilter(rep: "u-anna"))
        let json = result.json
        #expect(json["report"] == .string("funnel"))
        #expect(json["filter"]?["rep"] == .string("u-anna") && json["filter"]?["from"] == .null)
        #expect(json["summary"]?["weighted"] == .string("617.28"), "1234.56 × 50 % = 617.28")
        let row = json["phases"]?.arrayElements?.first
        #expect(row?.objectMembers.map { Set($0.keys) } == ["phase", "name", "count", "amount", "weighted"])
        #expect(row?["count"] == .integer(1) && row?["amount"] == .string("1234.56"))
        let data = try JSONEncoder().encode(json)
        #expect(String(decoding: data, as: UTF8.self).contains("\"phases\""))
    }
}
