import FieldbookModel
import FieldbookSync
import Testing

@Suite("Won opportunity → order")
struct WonOrderTests {
    private func opportunity(status: String, number: String? = nil) -> RecordState {
        var state = RecordState(entity: "opportunity", id: "opp-7")
        var builder = ChangeBuilder(state: state)
        for (field, value) in [("account", "acc-1"), ("name", "Press"), ("status", status), ("owner", "u-anna"),
            ("amount", "1200.00"), ("closeDate", "2026-11-23")] {
            builder.set(field, to: .text(value))
        }
        if let number { builder.set("number", to: .text(number)) }
        let change = Change(
            entity: "opportunity", record: "opp-7", dot: Dot(replica: ReplicaID(unchecked: "rep-a"), counter: 1),
            time: HybridTimestamp(millis: 1_000), ops: builder.operations
        )
        try? state.apply(change)
        return state
    }

    @Test func theOrderIDIsDerivedFromTheOpportunity() {
        let id = WonOrder.id(forOpportunity: "opp-7")
        #expect(id == WonOrder.id(forOpportunity: "opp-7") && id != WonOrder.id(forOpportunity: "opp-8"))
        #expect(RecordID.isWellFormed(id))
        #expect(id == DerivedID.make(from: "opp-7", role: "opportunity-won/order"), "the role is frozen")
    }

    @Test func aWonOpportunityFillsANewOrderOnce() throws {
        let won = opportunity(status: "won", number: "OPP-2026-17")
        var fresh = ChangeBuilder(state: RecordState(entity: "order", id: WonOrder.id(forOpportunity: won.id)))
        #expect(WonOrder.fill(&fresh, from: won))
        var order = fresh.state
        try order.apply(
            Change(
                entity: "order", record: order.id, dot: Dot(replica: ReplicaID(unchecked: "srv"), counter: 1),
                time: HybridTimestamp(millis: 2_000), ops: fresh.operations
            )
        )
        #expect(order.value("number") == "OPP-2026-17" && order.value("account") == "acc-1")
        #expect(order.value("orderDate") == "2026-11-23" && order.value("netTotal") == "1200.00")
        #expect(order.value("opportunity") == "opp-7")
        #expect(SchemaValidator(registry: .standard).validate(record: order).filter { $0.severity == .error }.isEmpty)

        var again = ChangeBuilder(state: order)
        #expect(!WonOrder.fill(&again, from: won) && again.isEmpty, "processed before: nothing written")
        var open = ChangeBuilder(state: RecordState(entity: "order", id: "o-2"))
        #expect(!WonOrder.fill(&open, from: opportunity(status: "open")) && open.isEmpty)
        #expect(WonOrder.number(for: opportunity(status: "won")).hasPrefix("W-"))
    }
}
