import FieldbookModel
import FieldbookSync

/// Builders shared by the validation tests.
enum Fixtures {
    static let anna = ReplicaID(unchecked: "rep-anna")
    static let office = ReplicaID(unchecked: "office")

    /// A change with explicit operations (for malformed input the builder would
    /// not produce). A later operation on the same slot replaces an earlier one,
    /// so `base + overrides` reads naturally.
    static func change(
        _ entity: String, record: String = "rec-1", counter: UInt64 = 1, replica: ReplicaID = anna,
        millis: UInt64 = 1_000, _ ops: [Operation]
    ) -> Change {
        Change(
            entity: entity, record: record, dot: Dot(replica: replica, counter: counter),
            time: HybridTimestamp(millis: millis), ops: lastPerSlot(ops)
        )
    }

    static func lastPerSlot(_ ops: [Operation]) -> [Operation] {
        var bySlot: [Slot: Operation] = [:]
        for op in ops { bySlot[op.slot] = op }
        return Array(bySlot.values)
    }

    /// A plain-field write.
    static func set(_ field: String, _ value: Value) -> Operation { Operation(slot: .field(field), value: value) }

    /// A record state after applying `changes` in order.
    static func record(_ changes: Change...) throws -> RecordState {
        var state = RecordState(entity: changes[0].entity, id: changes[0].record)
        for change in changes { try state.apply(change) }
        return state
    }

    /// Operations creating a valid account.
    static let account: [Operation] = [set("name", "Müller GmbH")]

    /// Operations creating a valid open opportunity.
    static let opportunity: [Operation] = [
        set("account", "acc-1"), set("name", "Press line"), set("status", "open"), set("owner", "user-anna"),
    ]

    /// Operations creating a valid draft offer with one line (3 × 19.99 at 12.5 % off, 19 % tax).
    static let offer: [Operation] = [
        set("provisionalNumber", "P-anna-1"), set("account", "acc-1"), set("offerDate", "2025-03-01"),
        set("status", "draft"), set("taxRate", "19.00"),
        Operation(slot: .item("line-1", of: "lines"), value: true),
        Operation(slot: .member("@pos", ofItem: "line-1", in: "lines"), value: "i"),
        Operation(slot: .member("product", ofItem: "line-1", in: "lines"), value: "prod-1"),
        Operation(slot: .member("quantity", ofItem: "line-1", in: "lines"), value: "3.000"),
        Operation(slot: .member("listPrice", ofItem: "line-1", in: "lines"), value: "19.99"),
        Operation(slot: .member("discountPercent", ofItem: "line-1", in: "lines"), value: "12.50"),
    ]
}
