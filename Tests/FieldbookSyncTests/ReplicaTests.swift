import FieldbookSync
import Testing

@Suite("Replica")
struct ReplicaTests {
    let anna = ReplicaID(unchecked: "anna")
    let office = ReplicaID(unchecked: "office")

    @Test func changesFromTheFarFutureAreRefusedWithoutSideEffects() throws {
        var a = Replica(id: anna, clock: HybridLogicalClock(maxDrift: 1000), checksClockDrift: true)
        var b = Replica(id: office)
        let future = b.change("account", "acc1", physical: 1_000_000) { $0.set("name", to: "X") }!
        #expect(throws: SyncError.self) { try a.receive(future, physical: 5000) }
        #expect(a.records.isEmpty && a.log.isEmpty)
        #expect(try a.receive(future, physical: 999_500) == [.field("name")])
    }

    @Test func structurallyInvalidChangesAreRefused() throws {
        let dot = Dot(replica: anna, counter: 1)
        let time = HybridTimestamp(millis: 1)
        let invalid: [Change] = [
            Change(entity: "account", record: "r", dot: dot, time: time, ops: []),
            Change(entity: "account", record: "", dot: dot, time: time, ops: [Operation(slot: .field("a"), value: 1)]),
            Change(
                entity: "account", record: "r", dot: dot, time: time,
                ops: [Operation(slot: .field("a"), value: 1), Operation(slot: .field("a"), value: 2)]
            ),
            Change(
                entity: "account", record: "r", dot: dot, time: time,
                ops: [Operation(slot: .field("a"), value: 1, supersedes: [dot])]
            ),
            Change(
                entity: "account", record: "r", dot: dot, time: time,
                ops: [Operation(slot: .field("a"), value: 1, covers: [Dot(replica: office, counter: 1)])]
            ),
            Change(entity: "account", record: "r", dot: dot, time: time, ops: [Operation(slot: .deleted, value: "yes")]),
        ]
        for change in invalid {
            var replica = Replica(id: office)
            #expect(throws: SyncError.self) { try replica.receive(change, physical: 10) }
            #expect(replica.records.isEmpty)
        }
    }

    @Test func aChangeForAnotherEntityTypeIsRefused() throws {
        var a = Replica(id: anna)
        var b = Replica(id: office)
        _ = a.change("account", "r1", physical: 1) { $0.set("name", to: "A") }
        let clash = b.change("contact", "r1", physical: 1) { $0.set("name", to: "B") }!
        #expect(throws: SyncError.entityMismatch(record: "r1", expected: "account", found: "contact")) {
            try a.receive(clash, physical: 2)
        }
    }

    @Test func joiningASnapshotEqualsReceivingItsChanges() throws {
        var a = Replica(id: anna)
        var b = Replica(id: office)
        let changes = [
            a.change("account", "acc1", physical: 1) { $0.set("name", to: "A"); $0.add("x", to: "tags") }!,
            a.change("account", "acc1", physical: 2) { $0.set("name", to: "B"); $0.remove("x", from: "tags") }!,
        ]
        let edit = b.change("account", "acc1", physical: 3) { $0.set("name", to: "C") }!
        var viaChanges = b
        for change in changes { try viaChanges.receive(change, physical: 5) }
        var viaSnapshot = b
        try viaSnapshot.join(a.records["acc1"]!)
        #expect(viaChanges.records == viaSnapshot.records)
        #expect(viaSnapshot.records["acc1"]?.fieldConflict(at: .field("name"))?.others.first?.entry.dot == changes[1].dot)
        _ = edit
    }
}
