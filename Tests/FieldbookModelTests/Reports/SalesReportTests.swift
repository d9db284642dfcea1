import FieldbookModel
import FieldbookSync
import Testing

@Suite("Reports: funnel, forecast, win rate, revenue")
struct SalesReportTests {
    static let seeds: [UInt64] = [1, 7, 42]

    @Test(arguments: seeds)
    func funnelSumsOpenOpportunitiesByPhase(seed: UInt64) throws {
        let scenario = ReportScenario.generated(seed: seed)
        let dataset = ReportDataset(records: scenario.records)
        for criteria in ReportScenario.criteria {
            let result = try ReportEngine.run(.funnel, on: dataset, filter: criteria.filter)
            let expected = scenario.expectedFunnel(criteria)
            let phases = try #require(result.section("phases"))
            #expect(phases.rows.count == expected.count, "\(criteria)")
            for (key, figures) in expected {
                let row = try #require(phases.row(key), "phase \(key) missing")
                #expect(Cells.count(row["count"]) == figures.count)
                #expect(Cells.cents(row["amount"]) == figures.cents)
                #expect(Cells.cents(row["weighted"]) == figures.weightedCents, "\(key) \(criteria)")
            }
            #expect(Cells.count(result.summary("count")) == expected.values.reduce(0) { $0 + $1.count })
            #expect(Cells.cents(result.summary("weighted")) == expected.values.reduce(0) { $0 + $1.weightedCents })
            let order = phases.rows.map { $0[0].description }
            let standard = ["qualification", "needs_analysis", "proposal", "negotiation"].filter(order.contains)
            #expect(Array(order.prefix(standard.count)) == standard, "pipeline order first")
            if order.contains("none") { #expect(order.last == "none") }
        }
    }

    @Test func anUnknownPhaseWeighsWithTheOpportunitysOwnProbabilityElseZero() throws {
        var scenario = ReportScenario()
        scenario.opportunities = [
            .init(id: "o1", owner: "u-anna", account: "acc-1", phase: "mystery", status: "open", cents: 100_000),
            .init(id: "o2", owner: "u-anna", account: "acc-1", phase: "proposal", status: "open", cents: 0),
            .init(id: "o3", owner: "u-anna", account: "acc-1", phase: nil, status: "open", cents: nil),
        ]
        var records = scenario.records
        let index = try #require(records.firstIndex { $0.id == "o1" })
        ReportScenario.write(&records[index], ["probability": .text("30")])
        let result = try ReportEngine.run(.funnel, on: ReportDataset(records: records), filter: ReportFilter())
        let phases = try #require(result.section("phases"))
        #expect(phases.row("mystery")?["name"] == .text("unknown phase"))
        #expect(Cells.cents(phases.row("mystery")?["weighted"]) == 30_000, "30 % of 1000.00")
        #expect(Cells.cents(phases.row("proposal")?["weighted"]) == 0, "zero amount")
        #expect(Cells.count(phases.row("none")?["count"]) == 1 && Cells.cents(phases.row("none")?["amount"]) == 0)
    }

    @Test func aStoredDefaultPipelineSetsTheProbabilities() throws {
        var scenario = ReportScenario()
        scenario.opportunities = [.init(id: "o1", owner: "u-anna", account: "acc-1", phase: "ph-b", status: "open", cents: 80_000)]
        scenario.extra = [
            ReportScenario.record(
                "pipeline", "pl-1", ["name": "Machines"], lines: [["name": "Talk", "probability": "20"], ["name": "Deal", "probability": "90"]],
                listField: "phases"
            )
        ]
        var records = scenario.records
        let index = try #require(records.firstIndex { $0.id == "pl-1" })
        ReportScenario.write(&records[index], ["isDefault": .bool(true)])
        // The generated items are i0, i1: rename the opportunity's phase to the second.
        let opportunity = try #require(records.firstIndex { $0.id == "o1" })
        ReportScenario.write(&records[opportunity], ["phase": .text("i1")])
        let result = try ReportEngine.run(.funnel, on: ReportDataset(records: records), filter: ReportFilter())
        let row = try #require(result.section("phases")?.row("i1"))
        #expect(row["name"] == .text("Deal") && Cells.cents(row["weighted"]) == 72_000)
    }

    @Test(arguments: seeds)
    func forecastMatchesTheFunnelByMonthAndRep(seed: UInt64) throws {
        let scenario = ReportScenario.generated(seed: seed)
        let dataset = ReportDataset(records: scenario.records)
        for criteria in ReportScenario.criteria {
            let result = try ReportEngine.run(.forecast, on: dataset, filter: criteria.filter, by: "rep")
            var months: [String: ReportScenario.Figures] = [:]
            var monthReps: [String: ReportScenario.Figures] = [:]
            for opportunity in scenario.opportunities
            where opportunity.status == "open" && criteria.matches(opportunity, date: opportunity.expectedClose) {
                let month = opportunity.expectedClose.map { String($0.prefix(7)) } ?? "none"
                let weighted = ReportScenario.roundedDivision(
                    (opportunity.cents ?? 0) * (opportunity.phase.flatMap { ReportScenario.probability[$0] } ?? 0), 100
                )
                for key in [month] { months[key, default: .init()].count += 1; months[key, default: .init()].weightedCents += weighted }
                monthReps[month + "/" + opportunity.owner, default: .init()].weightedCents += weighted
            }
            let section = try #require(result.section("months"))
            #expect(section.rows.count == months.count)
            for (month, figures) in months {
                #expect(Cells.count(section.row(month)?["count"]) == figures.count)
                #expect(Cells.cents(section.row(month)?["weighted"]) == figures.weightedCents, "\(month) \(criteria)")
            }
            let byRep = try #require(result.section("monthsByRep"))
            #expect(byRep.rows.count == monthReps.count)
            for (key, figures) in monthReps {
                let parts = key.split(separator: "/").map(String.init)
                #expect(Cells.cents(byRep.row(parts[0], parts[1])?["weighted"]) == figures.weightedCents)
            }
            let keys = section.rows.map { $0[0].description }
            #expect(keys == keys.sorted { ($0 == "none" ? "~" : $0) < ($1 == "none" ? "~" : $1) })
        }
    }

    @Test(arguments: seeds)
    func winRateAndLossReasons(seed: UInt64) throws {
        let scenario = ReportScenario.generated(seed: seed)
        let dataset = ReportDataset(records: scenario.records)
        for criteria in ReportScenario.criteria {
            let result = try ReportEngine.run(.winRate, on: dataset, filter: criteria.filter)
            let closed = scenario.opportunities.filter { $0.status != "open" && criteria.matches($0, date: $0.closeDate) }
            let won = closed.filter { $0.status == "won" }.count
            let lost = closed.filter { $0.status == "lost" }
            #expect(Cells.count(result.summary("won")) == won && Cells.count(result.summary("lost")) == lost.count)
            #expect(Cells.count(result.summary("cancelled")) == closed.filter { $0.status == "cancelled" }.count)
            if won + lost.count == 0 {
                #expect(result.summary("winRate") == ReportCell.none)
            } else {
                #expect(Cells.hundredths(result.summary("winRate")) == ReportScenario.roundedDivision(won * 10_000, won + lost.count))
            }
            let reasons = try #require(result.section("lossReasons"))
            let expected = Dictionary(grouping: lost, by: { $0.closeReason! })
            #expect(reasons.rows.count == expected.count)
            for (reason, members) in expected {
                #expect(Cells.count(reasons.row(reason)?["count"]) == members.count)
                #expect(Cells.cents(reasons.row(reason)?["amount"]) == members.reduce(0) { $0 + ($1.cents ?? 0) })
            }
            let counts = reasons.rows.compactMap { Cells.count($0[1]) }
            #expect(counts == counts.sorted(by: >), "most frequent reason first")
        }
    }

    @Test(arguments: seeds)
    func wonRevenueByMonthRepRegionAndProduct(seed: UInt64) throws {
        let scenario = ReportScenario.generated(seed: seed)
        let dataset = ReportDataset(records: scenario.records)
        for criteria in ReportScenario.criteria {
            for grouping in ["month", "rep", "region", "product"] {
                let result = try ReportEngine.run(.revenue, on: dataset, filter: criteria.filter, by: grouping)
                let expected = scenario.expectedRevenue(criteria, by: grouping)
                let rows = try #require(result.section("rows"))
                #expect(rows.rows.count == expected.count, "\(grouping) \(criteria)")
                for (key, figures) in expected {
                    #expect(Cells.cents(rows.row(key)?["amount"]) == figures.cents, "\(grouping) \(key) \(criteria)")
                    #expect(Cells.count(rows.row(key)?["opportunities"]) == figures.members.count)
                }
                #expect(Cells.cents(result.summary("amount")) == expected.values.reduce(0) { $0 + $1.cents })
            }
        }
    }

    @Test(arguments: seeds)
    func aTeamRestrictionCountsExactlyItsMembers(seed: UInt64) throws {
        let scenario = ReportScenario.generated(seed: seed)
        let dataset = ReportDataset(records: scenario.records)
        let team: Set<String> = ["u-anna", "u-cleo"]
        for kind in [ReportKind.funnel, .winRate, .revenue] {
            let result = try ReportEngine.run(kind, on: dataset, filter: ReportFilter(reps: team))
            let members = scenario.opportunities.filter { team.contains($0.owner) }
            switch kind {
            case .funnel:
                let open = members.filter { $0.status == "open" }
                #expect(Cells.count(result.summary("count")) == open.count)
                #expect(Cells.cents(result.summary("amount")) == open.reduce(0) { $0 + ($1.cents ?? 0) })
            case .winRate:
                #expect(Cells.count(result.summary("won")) == members.filter { $0.status == "won" }.count)
                #expect(Cells.count(result.summary("lost")) == members.filter { $0.status == "lost" }.count)
            default:
                let won = members.filter { $0.status == "won" }
                let cents = won.flatMap { scenario.revenueLines($0) }.reduce(0) { $0 + $1.cents }
                #expect(Cells.cents(result.summary("amount")) == cents)
            }
        }
        let nobody = try ReportEngine.run(.funnel, on: dataset, filter: ReportFilter(reps: []))
        #expect(Cells.count(nobody.summary("count")) == 0, "an empty team sees nothing")
    }

    @Test func aFewThousandOpportunitiesGiveTheSameFunnelAndWinRate() throws {
        let scenario = ReportScenario.generated(seed: 2026, count: 4000)
        let dataset = ReportDataset(records: scenario.records)
        let funnel = try ReportEngine.run(.funnel, on: dataset, filter: ReportFilter())
        let expected = scenario.expectedFunnel(ReportScenario.Criteria())
        #expect(Cells.cents(funnel.summary("weighted")) == expected.values.reduce(0) { $0 + $1.weightedCents })
        #expect(Cells.count(funnel.summary("count")) == scenario.opportunities.filter { $0.status == "open" }.count)
        let winRate = try ReportEngine.run(.winRate, on: dataset, filter: ReportFilter())
        let won = scenario.opportunities.filter { $0.status == "won" }.count
        let lost = scenario.opportunities.filter { $0.status == "lost" }.count
        #expect(Cells.hundredths(winRate.summary("winRate")) == ReportScenario.roundedDivision(won * 10_000, won + lost))
    }

    @Test func unknownGroupingsAreRefusedWithTheAllowedOnes() {
        let dataset = ReportDataset(records: [])
        #expect(throws: ReportError.unknownGrouping(report: "revenue", given: "week", allowed: ["month", "rep", "region", "product"])) {
            try ReportEngine.run(.revenue, on: dataset, filter: ReportFilter(), by: "week")
        }
        #expect(throws: ReportError.self) { try ReportEngine.run(.funnel, on: dataset, filter: ReportFilter(), by: "rep") }
        #expect(throws: ReportError.self) { try ReportEngine.run(.forecast, on: dataset, filter: ReportFilter(), by: "product") }
    }
}
