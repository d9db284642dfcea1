import FieldbookSync
import Foundation
import Testing

@Suite("Storage codec: round trips")
struct StorageCodecRoundTripTests {
    @Test func randomStatesAndChangesRoundTrip() throws {
        for seed in 0..<StorageCodecSamples.seeds {
            let sample = StorageCodecSamples.make(seed: seed)
            for state in sample.states {
                let bytes = StorageCodec.encode(state)
                let decoded = try StorageCodec.recordState(from: bytes)
                #expect(decoded == state, "seed \(seed), record \(state.id)")
                #expect(StorageCodec.encode(decoded) == bytes, "seed \(seed): encoding is deterministic")
                let viaRaw = try bytes.withUnsafeBytes { raw in try StorageCodec.recordState(from: raw) }
                #expect(viaRaw == state)
            }
            for change in sample.changes {
                let bytes = StorageCodec.encode(change)
                let decoded = try StorageCodec.change(from: bytes)
                #expect(decoded == change, "seed \(seed), change \(change.dot)")
                #expect(StorageCodec.encode(decoded) == bytes)
            }
        }
    }

    @Test func samplesCoverTheInterestingShapes() {
        var superseded = 0, covers = 0, compacted = 0, manyReplicas = 0, conflicts = 0, removals = 0
        for seed in 0..<StorageCodecSamples.seeds {
            let sample = StorageCodecSamples.make(seed: seed)
            for state in sample.states {
                if state.slots.values.contains(where: { !$0.superseded.isEmpty }) { superseded += 1 }
                if state.slots.values.contains(where: { $0.entries.contains { !$0.covers.isEmpty } }) { covers += 1 }
                if !state.conflicts.isEmpty { conflicts += 1 }
            }
            compacted += sample.compactedStates
            if sample.replicaCount > 8 { manyReplicas += 1 }
            removals += sample.changes.filter { $0.ops.contains { $0.value == nil } }.count
        }
        #expect(superseded > 50 && covers > 10 && compacted > 50 && manyReplicas > 5 && conflicts > 10 && removals > 10)
    }

    @Test func openConflictCountMatchesConflicts() {
        for seed in 0..<StorageCodecSamples.seeds {
            for state in StorageCodecSamples.make(seed: seed).states {
                #expect(state.openConflictCount == state.conflicts.count, "seed \(seed), record \(state.id)")
            }
        }
    }

    @Test func unicodeSpellingsStayDistinct() throws {
        let nfc = "M\u{00FC}ller"
        let nfd = "Mu\u{0308}ller"
        var replica = Replica(id: ReplicaID(unchecked: "anna"))
        let change = try #require(
            replica.change("account", "acc-1", physical: 1_000) { builder in
                builder.set("name", to: .text(nfc))
                builder.set("city", to: .text(nfd))
                builder.add(nfc, to: "tags")
                builder.add(nfd, to: "tags")
                builder.set("emoji", to: "👩‍👩‍👧 ½ \u{0} é")
            })
        let state = try #require(replica.records["acc-1"])
        let decoded = try StorageCodec.recordState(from: StorageCodec.encode(state))
        #expect(decoded == state)
        #expect(decoded.value("name")?.text.map { Array($0.utf8) } == Array(nfc.utf8))
        #expect(decoded.value("city")?.text.map { Array($0.utf8) } == Array(nfd.utf8))
        #expect(decoded.elements(of: "tags").count == 2, "NFC and NFD elements are different slots")
        let decodedChange = try StorageCodec.change(from: StorageCodec.encode(change))
        #expect(decodedChange == change)
        #expect(decodedChange.ops.map { Array($0.slot.path.utf8) } == change.ops.map { Array($0.slot.path.utf8) })
    }

    @Test func emptyAndExtremeValuesRoundTrip() throws {
        let anna = ReplicaID(unchecked: "anna")
        let long = String(repeating: "x", count: 70_000)
        let values: [Value] = [.null, "", .bool(false), .bool(true), .int(0), .int(-1), .int(.min), .int(.max), .text(long)]
        let maxDot = Dot(replica: anna, counter: Dot.maxCounter)
        let latest = HybridTimestamp(millis: HybridTimestamp.maxMillis, logical: .max)
        var slots: [Slot: Register] = [:]
        for (index, value) in values.enumerated() {
            var register = Register()
            register.apply(Operation(slot: .field("f\(index)"), value: value), dot: maxDot, time: latest)
            slots[.field("f\(index)")] = register
        }
        var removed = Register()
        removed.apply(Operation(slot: .element("x", of: "tags"), value: nil, supersedes: [Dot(replica: anna, counter: 1)]),
            dot: Dot(replica: anna, counter: 2), time: .zero)
        slots[.element("x", of: "tags")] = removed
        let state = RecordState(entity: "e", id: "r", slots: slots)
        #expect(try StorageCodec.recordState(from: StorageCodec.encode(state)) == state)

        let empty = RecordState(entity: "", id: "")
        #expect(try StorageCodec.recordState(from: StorageCodec.encode(empty)) == empty)
        let emptyChange = Change(entity: "", record: "", dot: Dot(replica: anna, counter: 1), time: .zero, ops: [])
        #expect(try StorageCodec.change(from: StorageCodec.encode(emptyChange)) == emptyChange)
    }

    @Test func binaryIsSmallerThanJSON() throws {
        var binary = 0
        var json = 0
        let encoder = JSONEncoder()
        for seed in 0..<20 {
            for state in StorageCodecSamples.make(seed: seed).states {
                binary += StorageCodec.encode(state).count
                json += try encoder.encode(state).count
            }
        }
        #expect(binary * 2 < json, "binary \(binary) bytes vs JSON \(json) bytes")
    }
}

/// Random record states and changes for the codec tests, built like the
/// merge property tests build theirs (``PropertyWorld``, ``PropertyEdit``)
/// plus values the property world lacks: Unicode spellings, empty and long
/// text, integer extremes, many replicas, and stable-compacted states.
struct StorageCodecSamples {
    /// Number of seeds the round-trip and fuzz tests use.
    static let seeds = 300

    /// Final and intermediate record states.
    var states: [RecordState] = []
    /// Every change made.
    var changes: [Change] = []
    /// How many of ``states`` were taken after compaction.
    var compactedStates = 0
    /// Replicas in the schedule.
    var replicaCount = 0

    static let extraValues: [Value] = [
        "", "M\u{00FC}ller", "Mu\u{0308}ller", "👩‍👩‍👧", .text(String(repeating: "é", count: 200)), "a/b%c",
        .int(.min), .int(.max), .int(-64), .int(64),
    ]

    static func make(seed: Int) -> StorageCodecSamples {
        var random = PropertyRandom(seed: UInt64(seed) &* 0x9E37_79B9 &+ 17)
        var sample = StorageCodecSamples()
        sample.replicaCount = random.percent(10) ? random.int(in: 9...12) : random.int(in: 1...4)
        var replicas = PropertyWorld.replicaIDs(sample.replicaCount, random: &random).map { Replica(id: $0) }
        var now: UInt64 = 1_750_000_000_000
        for _ in 0..<random.int(in: 4...40) {
            now += UInt64(random.int(below: 3))
            let index = random.int(below: replicas.count)
            if random.percent(30), replicas.count > 1 {
                let from = replicas[random.index(below: replicas.count, other: index)].log
                for change in from where random.percent(70) { _ = try? replicas[index].receive(change, physical: now) }
                continue
            }
            let record = random.pick(PropertyWorld.allRecords)
            let state = replicas[index].records[record.id] ?? RecordState(entity: record.entity, id: record.id)
            var edits = PropertyEdit.random(on: state, random: &random)
            if random.percent(30) { edits.append(.set(field: random.pick(PropertyWorld.fields), value: random.pick(extraValues))) }
            if random.percent(10), let text = random.pick(extraValues).text, !text.isEmpty { edits.append(.add(element: text)) }
            let change = replicas[index].change(record.entity, record.id, physical: now) { builder in
                for edit in edits { edit.apply(to: &builder) }
            }
            if let change { sample.changes.append(change) }
            if random.percent(20) { sample.states += replicas[index].records.values }
        }
        for index in replicas.indices {
            for other in replicas.indices where other != index {
                for change in replicas[other].log { _ = try? replicas[index].receive(change, physical: now) }
            }
            sample.states += replicas[index].records.values
        }
        // Everyone has everything: a frontier at (or below) every counter compacts.
        var frontier = VersionVector()
        for change in sample.changes where random.percent(80) { frontier.add(change.dot) }
        replicas[0].stable = frontier
        replicas[0].compact()
        sample.compactedStates = replicas[0].records.count
        sample.states += replicas[0].records.values
        return sample
    }
}
