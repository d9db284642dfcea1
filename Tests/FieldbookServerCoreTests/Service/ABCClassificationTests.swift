import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookServerCoreTesting
import FieldbookSync
import Testing

private typealias F = Fixtures

@Suite("ABC classification by revenue share")
struct ABCClassificationTests {
    static let office = SyncCaller(user: "user-eva", role: .office)

    private func write(_ harness: Harness, _ entity: String, _ id: String, _ values: [String: Value]) async throws {
        let authored = try await harness.service.author(entity, id, caller: Self.office) { builder in
            for (field, value) in values { builder.set(field, to: value) }
        }
        #expect(authored?.result.status == .accepted, "\(id): \(authored?.result.reason ?? "")")
    }

    private func invoice(_ harness: Harness, _ id: String, _ account: String, _ net: String, status: String = "paid")
        async throws
    {
        try await write(
            harness, "invoice", id,
            [
                "number": .text(id), "account": .text(account), "invoiceDate": "2025-05-01", "netTotal": .text(net),
                "status": .text(status),
            ])
    }

    /// Accounts a1…a6; invoices 500, 300, 100, 60, 40 (total 1000) and nothing for a6.
    private func world() async throws -> Harness {
        let harness = Harness()
        for index in 1...6 { try await write(harness, "account", "a\(index)", ["name": .text("Account \(index)")]) }
        for (index, net) in ["500.00", "300.00", "100.00", "60.00", "40.00"].enumerated() {
            try await invoice(harness, "inv-\(index + 1)", "a\(index + 1)", net)
        }
        try await invoice(harness, "inv-x", "a5", "10000.00", status: "cancelled")  // ignored
        return harness
    }

    @Test func classesFollowTheCumulativeShareAndCareIntervalsTheClass() async throws {
        let harness = try await world()
        // Cumulative share before each account: a1 0 %, a2 50 %, a3 80 %, a4 90 %, a5 96 %.
        let expected = ["a1": "A", "a2": "A", "a3": "B", "a4": "B", "a5": "C", "a6": "C"]
        let care = ["A": 30, "B": 60, "C": 120]

        let dry = try await harness.service.classifyAccounts(dryRun: true)
        #expect(Dictionary(uniqueKeysWithValues: dry.map { ($0.outcome.account, $0.outcome.effective) }) == expected)
        #expect(dry.allSatisfy { $0.changed })
        #expect(try await harness.state("a1")?.value("abcClass") == nil, "a dry run writes nothing")

        let results = try await harness.service.classifyAccounts()
        #expect(results.map(\.outcome.account) == ["a1", "a2", "a3", "a4", "a5", "a6"], "ranked by revenue")
        for (account, abc) in expected {
            let state = try #require(try await harness.state(account))
            #expect(state.value("abcClass") == .text(abc))
            #expect(state.value("careIntervalDays") == .int(Int64(care[abc]!)))
        }
        let again = try await harness.service.classifyAccounts()
        #expect(again.allSatisfy { !$0.changed }, "a second run writes nothing")
    }

    @Test func aManualOverrideSurvivesReclassification() async throws {
        let harness = try await world()
        try await write(harness, "account", "a5", ["abcOverride": "A"])
        _ = try await harness.service.classifyAccounts()
        #expect(try await harness.state("a5")?.value("abcClass") == "A")
        #expect(try await harness.state("a5")?.value("careIntervalDays") == .int(30))

        // Revenue shifts: a3 becomes the biggest customer; a5 keeps its override.
        try await invoice(harness, "inv-big", "a3", "2000.00")
        let settings = ABCClassification.Settings(careDays: ["A": 14, "B": 45, "C": 90])
        let results = try await harness.service.classifyAccounts(settings: settings)
        #expect(results.first?.outcome.account == "a3")
        #expect(try await harness.state("a3")?.value("abcClass") == "A")
        #expect(try await harness.state("a3")?.value("careIntervalDays") == .int(14), "configured interval")
        let a5 = try #require(try await harness.state("a5"))
        #expect(a5.value("abcClass") == "A" && a5.value("abcOverride") == "A" && a5.value("careIntervalDays") == .int(14))
        #expect(results.first { $0.outcome.account == "a5" }?.outcome.computed == "C")
    }

    @Test func aRepMayNotWriteTheClassTheOverrideOrThePriceList() async throws {
        let harness = try await world()
        for (counter, field) in ["abcClass", "abcOverride", "priceList"].enumerated() {
            let value: Value = field == "priceList" ? "pl-1" : "A"
            // A fresh replica per attempt: a refused change does not use up its counter.
            let replica = ReplicaID(unchecked: "rep-laptop-\(counter)")
            let change = F.change(record: "a6", replica: replica, counter: 1, [F.set(field, value)])
            let results = try await harness.push([change], as: replica, role: .rep, schemaVersion: 2)
            #expect(results.first?.rejectionCode == .forbidden, "\(field)")
        }
    }
}
