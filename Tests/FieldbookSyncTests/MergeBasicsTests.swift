import FieldbookSync
import Testing

@Suite("Merge basics")
struct MergeBasicsTests {
    let anna = ReplicaID(unchecked: "anna")
    let office = ReplicaID(unchecked: "office")

    @Test func disjointFieldEditsBothSurvive() throws {
        var a = Replica(id: anna)
        var b = Replica(id: office)
        let create = a.change("account", "acc1", physical: 1000) { $0.set("name", to: "Müller") }!
        try b.receive(create, physical: 1000)
        let phone = a.change("account", "acc1", physical: 2000) { $0.set("phone", to: "0711") }!
        let city = b.change("account", "acc1", physical: 2000) { $0.set("city", to: "Stuttgart") }!
        try a.receive(city, physical: 3000)
        try b.receive(phone, physical: 3000)
        #expect(a.records["acc1"] == b.records["acc1"])
        #expect(a.records["acc1"]?.fieldValues == ["name": "Müller", "phone": "0711", "city": "Stuttgart"])
        #expect(a.conflicts.isEmpty)
    }

    @Test func sameFieldConcurrencyKeepsLoserAsConflict() throws {
        var a = Replica(id: anna)
        var b = Replica(id: office)
        let create = a.change("account", "acc1", physical: 1000) { $0.set("name", to: "Müller") }!
        try b.receive(create, physical: 1000)
        let fromAnna = a.change("account", "acc1", physical: 5000) { $0.set("name", to: "Müller GmbH") }!
        let fromOffice = b.change("account", "acc1", physical: 4000) { $0.set("name", to: "Mueller AG") }!
        try a.receive(fromOffice, physical: 6000)
        try b.receive(fromAnna, physical: 6000)
        #expect(a.records == b.records)
        #expect(a.records["acc1"]?.value("name") == "Müller GmbH")
        let conflict = try #require(a.conflicts.first)
        #expect(conflict.others.map(\.entry.value) == ["Mueller AG"])
        #expect(conflict.winner.dot == fromAnna.dot)

        let resolution = b.change("account", "acc1", physical: 7000) { $0.resolve(.field("name"), with: "Müller AG") }!
        try a.receive(resolution, physical: 8000)
        #expect(a.conflicts.isEmpty && b.conflicts.isEmpty)
        #expect(a.records == b.records)
        #expect(a.records["acc1"]?.value("name") == "Müller AG")
    }

    @Test func editConcurrentWithDeleteIsAConflictThatCanBeRestored() throws {
        var a = Replica(id: anna)
        var b = Replica(id: office)
        let create = a.change("account", "acc1", physical: 1000) { $0.set("name", to: "Müller") }!
        try b.receive(create, physical: 1000)
        let edit = a.change("account", "acc1", physical: 2000) { $0.set("phone", to: "0711") }!
        let delete = b.change("account", "acc1", physical: 2500) { $0.delete() }!
        try a.receive(delete, physical: 3000)
        try b.receive(edit, physical: 3000)
        #expect(a.records == b.records)
        let record = try #require(a.records["acc1"])
        #expect(record.isDeleted)
        let conflict = try #require(record.deleteEditConflict)
        #expect(conflict.others.map(\.entry.dot) == [edit.dot])
        let restore = a.change("account", "acc1", physical: 4000) { $0.restore() }!
        try b.receive(restore, physical: 4000)
        #expect(b.records["acc1"]?.isDeleted == false)
        #expect(b.records["acc1"]?.fieldValues == ["name": "Müller", "phone": "0711"])
        #expect(b.conflicts.isEmpty)
    }

    @Test func concurrentListInsertsKeepAStableOrder() throws {
        var a = Replica(id: anna)
        var b = Replica(id: office)
        let create = a.change("offer", "o1", physical: 1000) {
            $0.insertItem("l1", into: "lines", after: nil, members: ["qty": 1])
            $0.insertItem("l2", into: "lines", after: "l1", members: ["qty": 2])
        }!
        try b.receive(create, physical: 1000)
        let x = a.change("offer", "o1", physical: 2000) { $0.insertItem("x", into: "lines", after: "l1") }!
        let y = b.change("offer", "o1", physical: 2000) { $0.insertItem("y", into: "lines", after: "l1") }!
        try a.receive(y, physical: 3000)
        try b.receive(x, physical: 3000)
        let orderA = a.records["o1"]!.items(of: "lines").map(\.id)
        #expect(orderA == b.records["o1"]!.items(of: "lines").map(\.id))
        #expect(orderA.first == "l1" && orderA.last == "l2" && Set(orderA) == ["l1", "l2", "x", "y"])
    }

    @Test func setAddWinsOverConcurrentRemove() throws {
        var a = Replica(id: anna)
        var b = Replica(id: office)
        let create = a.change("contact", "c1", physical: 1000) { $0.add("golf", to: "interests") }!
        try b.receive(create, physical: 1000)
        let remove = a.change("contact", "c1", physical: 2000) { $0.remove("golf", from: "interests") }!
        let readd = b.change("contact", "c1", physical: 1500) { $0.add("golf", to: "interests") }!
        try a.receive(readd, physical: 3000)
        try b.receive(remove, physical: 3000)
        #expect(a.records == b.records)
        #expect(a.records["c1"]?.elements(of: "interests") == ["golf"])
    }

    @Test func fractionalIndexStaysBetween() {
        var keys = [FractionalIndex.between(nil, nil)]
        for _ in 0..<200 {
            let key = FractionalIndex.between(keys[0], keys.count > 1 ? keys[1] : nil)
            #expect(FractionalIndex.isValid(key))
            #expect(keys[0] < key)
            if keys.count > 1 { #expect(key < keys[1]) }
            keys.insert(key, at: 1)
        }
    }

    @Test func sha256MatchesKnownVectors() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(SHA256.hex(long) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }
}

@Suite("Merge result")
struct MergeResultTests {
    @Test func reportsChangedSlotsAndOpenConflicts() throws {
        var a = Replica(id: ReplicaID(unchecked: "a"))
        var b = Replica(id: ReplicaID(unchecked: "b"))
        let base = a.change("ticket", "t1", physical: 10) { $0.set("status", to: "open") }!
        try b.receive(base, physical: 10)
        let closeByOffice = b.change("ticket", "t1", physical: 20) { $0.set("status", to: "closed") }!
        let followUp = a.change("ticket", "t1", physical: 30) { $0.set("status", to: "waiting") }!
        let result = try a.records["t1"]!.merged(with: closeByOffice)
        #expect(result.changedSlots == [.field("status")])
        #expect(result.conflicts.count == 1)
        #expect(result.conflicts.first?.winner.dot == followUp.dot)
        #expect(result.conflicts.first?.others.map(\.entry.value) == ["closed"])
        let again = try result.state.merged(with: closeByOffice)
        #expect(again.isNoOp && again.state == result.state)
    }
}

@Suite("List positions after concurrent inserts")
struct ListPositionTests {
    @Test func insertingAfterAnItemWhoseNeighbourSharesItsKeyLandsRightAfterIt() throws {
        var a = Replica(id: ReplicaID(unchecked: "a"))
        var b = Replica(id: ReplicaID(unchecked: "b"))
        let base = a.change("offer", "o1", physical: 1) { $0.insertItem("c", into: "lines", after: nil) }!
        try b.receive(base, physical: 1)
        // Both insert at the start concurrently: equal keys, ordered by item ID.
        let first = a.change("offer", "o1", physical: 2) { $0.insertItem("a", into: "lines", after: nil) }!
        let second = b.change("offer", "o1", physical: 2) { $0.insertItem("b", into: "lines", after: nil) }!
        try a.receive(second, physical: 3)
        try b.receive(first, physical: 3)
        #expect(a.records["o1"]!.items(of: "lines").map(\.id) == ["a", "b", "c"])
        a.change("offer", "o1", physical: 4) { $0.insertItem("n", into: "lines", after: "a") }
        let order = a.records["o1"]!.items(of: "lines").map(\.id)
        #expect(order.firstIndex(of: "n")! < order.firstIndex(of: "c")!, "n must stay before c: \(order)")
    }

    @Test func resolvingTheDeleteSlotGoesThroughDeleteOrRestore() throws {
        var a = Replica(id: ReplicaID(unchecked: "a"))
        a.change("account", "r1", physical: 1) { $0.set("name", to: "X") }
        let record = a.change("account", "r1", physical: 2) { $0.resolve(.deleted, with: true) }!
        #expect(record.ops.first?.covers.isEmpty == false, "a delete covers what it saw")
        #expect(a.records["r1"]?.isDeleted == true)
        #expect(a.records["r1"]?.conflicts == [])
    }
}
