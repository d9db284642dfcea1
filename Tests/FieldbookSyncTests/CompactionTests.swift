import Foundation
import FieldbookSync
import Testing

@Suite("Compaction and the stability frontier")
struct CompactionTests {
    let anna = ReplicaID(unchecked: "anna")
    let office = ReplicaID(unchecked: "office")

    /// Two replicas that have exchanged everything: a created, b renamed it, a deleted it.
    func settledPair() throws -> (Replica, Replica, [Change]) {
        var a = Replica(id: anna)
        var b = Replica(id: office)
        var changes: [Change] = []
        changes.append(a.change("account", "acc1", physical: 1000) { $0.set("name", to: "Alt") }!)
        try b.receive(changes[0], physical: 1000)
        changes.append(b.change("account", "acc1", physical: 2000) { $0.set("name", to: "Neu") }!)
        try a.receive(changes[1], physical: 2000)
        return (a, b, changes)
    }

    @Test func frontierIsWhatEveryActiveReplicaAcknowledged() {
        var frontier = StabilityFrontier()
        let annaAdmitted = frontier.acknowledge(VersionVector([anna: 3, office: 2]), by: anna)
        #expect(annaAdmitted)
        let officeAdmitted = frontier.acknowledge(VersionVector([anna: 3, office: 4]), by: office)
        #expect(officeAdmitted)
        frontier.acknowledge(VersionVector([anna: 5, office: 2]), by: anna)
        #expect(frontier.stable == VersionVector([anna: 3, office: 2]))
        frontier.acknowledge(VersionVector([anna: 1]), by: office)
        #expect(frontier.stable == VersionVector([anna: 3, office: 2]), "acknowledgements never go back")
        frontier.retire(office)
        #expect(frontier.stable == VersionVector([anna: 5, office: 2]))
    }

    @Test func aReplicaBehindTheFrontierIsNotAdmitted() {
        let laptop = ReplicaID(unchecked: "laptop")
        var frontier = StabilityFrontier()
        frontier.acknowledge(VersionVector([anna: 5, office: 2]), by: anna)
        frontier.acknowledge(VersionVector([anna: 6, office: 3]), by: office)
        let laptopAdmittedWhenBehind = frontier.acknowledge(VersionVector([anna: 4, office: 9]), by: laptop)
        #expect(!laptopAdmittedWhenBehind, "would lower the frontier")
        #expect(frontier.stable == VersionVector([anna: 5, office: 2]))
        let laptopAdmittedWhenCurrent = frontier.acknowledge(VersionVector([anna: 5, office: 2]), by: laptop)
        #expect(laptopAdmittedWhenCurrent)
        #expect(frontier.acknowledgements.count == 3)
    }

    @Test func stableSupersededDotsAreForgottenButEntriesKept() throws {
        var (a, _, changes) = try settledPair()
        #expect(a.records["acc1"]?.register(.field("name")).superseded == [changes[0].dot])
        a.stable = VersionVector([office: 1])
        a.compact()
        #expect(a.records["acc1"]?.register(.field("name")).superseded == [changes[0].dot], "anna:1 not yet stable")
        a.stable = VersionVector([anna: 1])
        a.compact()
        let register = try #require(a.records["acc1"]?.register(.field("name")))
        #expect(register.superseded.isEmpty)
        #expect(register.entries.map(\.dot) == [changes[1].dot])
    }

    @Test func duplicatesBelowTheFrontierAreIgnoredAfterCompaction() throws {
        var (a, _, changes) = try settledPair()
        a.stable = VersionVector([anna: 1, office: 1])
        a.compact()
        let before = a.records
        #expect(try a.receive(changes[0], physical: 3000).isEmpty)
        var fresh = a
        #expect(try fresh.receive(changes[0], physical: 3000).isEmpty)
        #expect(fresh.records == before, "a late duplicate must not resurrect the overwritten value")
    }

    @Test func deletedRecordsArePurgedOnlyWhenStableAndConflictFree() throws {
        var (a, b, _) = try settledPair()
        let delete = a.change("account", "acc1", physical: 3000) { $0.delete() }!
        let concurrentEdit = b.change("account", "acc1", physical: 3000) { $0.set("phone", to: "0711") }!
        try a.receive(concurrentEdit, physical: 4000)
        a.stable = VersionVector([anna: 2, office: 2])
        #expect(a.compact().isEmpty, "open delete/edit conflict keeps the tombstone")
        let keepDeleted = a.change("account", "acc1", physical: 5000) { $0.delete() }!
        #expect(a.records["acc1"]?.conflicts == [])
        a.stable = VersionVector([anna: 2, office: 2])
        #expect(a.compact().isEmpty, "the new delete is not stable yet")
        a.stable = VersionVector([anna: keepDeleted.dot.counter, office: 2])
        #expect(a.compact() == ["acc1"])
        #expect(a.records["acc1"] == nil)
        _ = delete
    }

    @Test func aRemovedSetElementStaysRemovedAfterCompactionAndALateDuplicate() throws {
        var a = Replica(id: anna)
        let add = a.change("contact", "c1", physical: 1) { $0.add("golf", to: "interests") }!
        a.change("contact", "c1", physical: 2) { $0.remove("golf", from: "interests") }
        a.compact()
        #expect(a.records["c1"]?.register(.element("golf", of: "interests")).superseded == [add.dot])
        var fresh = Replica(id: office)
        for change in a.log.reversed() { try fresh.receive(change, physical: 3) }
        try fresh.receive(add, physical: 4)
        #expect(fresh.records["c1"]?.elements(of: "interests") == [])
    }

    @Test func compactedStatesRoundTripThroughJSON() throws {
        var (a, _, _) = try settledPair()
        a.change("account", "acc1", physical: 3000) { $0.add("x", to: "tags") }
        a.change("account", "acc1", physical: 4000) { $0.remove("x", from: "tags") }
        a.stable = VersionVector([anna: 9, office: 9])
        a.compact()
        let state = try #require(a.records["acc1"])
        let decoded = try JSONDecoder().decode(RecordState.self, from: JSONEncoder().encode(state))
        #expect(decoded == state)
        #expect(state.register(.element("x", of: "tags")).isEmpty)
    }
}
