import FieldbookClient
import FieldbookModel
import FieldbookSync
import Foundation
import Testing

@Suite("Weighted forecast")
struct ForecastTests {
    /// Opportunities: (id, owner, close date, amount, phase or nil, own probability, status).
    private static let deals: [(String, String, String?, String?, String?, String?, String)] = [
        ("o1", "u-anna", "2026-12-10", "10000.00", "proposal", nil, "open"),  // 50% → 5000.00
        ("o2", "u-anna", "2026-12-31", "3333.33", "qualification", nil, "open"),  // 10% → 333.333 → 333.33
        ("o3", "u-ben", "2026-12-01", "8000.00", "negotiation", nil, "open"),  // 75% → 6000.00
        ("o4", "u-ben", "2027-01-15", "1234.50", nil, "33.00", "open"),  // own 33% → 407.385 → 407.39
        ("o5", "u-anna", nil, "500.00", "needs_analysis", nil, "open"),  // 25% → 125.00
        ("o6", "u-ben", "2026-12-05", "99999.00", "proposal", nil, "lost"),  // closed: not in the forecast
        ("o7", "u-anna", "2027-01-02", nil, "proposal", nil, "open"),  // no amount → 0.00
    ]

    private func database() throws -> ClientDatabase {
        let database = try ClientDatabase.inMemory(clock: ManualClock(millis: 1_795_420_800_000))
        try database.edit("account", "acc-1") { $0.set("name", to: "Müller GmbH") }
        for (id, owner, date, amount, phase, probability, status) in Self.deals {
            try database.edit("opportunity", id) { change in
                change.set("account", to: "acc-1")
                change.set("name", to: .text(id))
                change.set("status", to: .text(status))
                change.set("owner", to: .text(owner))
                if let date { change.set("expectedCloseDate", to: .text(date)) }
                if let amount { change.set("amount", to: .text(amount)) }
                if let phase { change.set("phase", to: .text(phase)) }
                if let probability { change.set("probability", to: .text(probability)) }
                if status != "open" {
                    change.set("closeReason", to: "price")
                    change.set("closeDate", to: "2026-11-20")
                }
            }
        }
        return database
    }

    private func figures(_ groups: [Forecast.Group]) -> [String: [String]] {
        Dictionary(uniqueKeysWithValues: groups.map { ($0.key, ["\($0.count)", "\($0.amount)", "\($0.weighted)"]) })
    }

    @Test func weightsAmountsByPhaseProbabilityPerMonthAndRep() throws {
        let forecast = try database().forecast()
        #expect(forecast.byMonth.map(\.key) == ["2026-12", "2027-01", "none"])
        #expect(
            figures(forecast.byMonth) == [
                "2026-12": ["3", "21333.33", "11333.33"],  // o1 + o2 + o3
                "2027-01": ["2", "1234.50", "407.39"],  // o4 + o7
                "none": ["1", "500.00", "125.00"],  // o5
            ]
        )
        #expect(forecast.byRep.map(\.key) == ["u-anna", "u-ben"])
        #expect(
            figures(forecast.byRep) == [
                "u-anna": ["4", "13833.33", "5458.33"],  // o1 + o2 + o5 + o7
                "u-ben": ["2", "9234.50", "6407.39"],  // o3 + o4
            ]
        )
        #expect(figures(forecast.byMonthAndRep)["2026-12/u-ben"] == ["1", "8000.00", "6000.00"])
        #expect(forecast.total.count == 6)
        #expect(forecast.total.weighted == DecimalNumber(unchecked: "11865.72"))
        #expect(forecast.entries.first { $0.opportunity == "o4" }?.probability == DecimalNumber(unchecked: "33.00"))
    }

    @Test func anEmptyReplicaHasAZeroForecast() throws {
        let forecast = try ClientDatabase.inMemory().forecast()
        #expect(forecast.entries.isEmpty && forecast.byMonth.isEmpty && forecast.total.count == 0)
        #expect(forecast.total.weighted == .zero)
    }
}
