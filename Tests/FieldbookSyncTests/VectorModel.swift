import FieldbookProtocol
import FieldbookSync
import Foundation

/// One sync conformance vector (`Fixtures/sync-vectors/NNN-name.json`), as
/// described by `Fixtures/sync-vectors/vector.schema.json`.
struct ConformanceVector: Decodable, Sendable {
    var name: String
    var description: String
    var tags: [String]
    /// Stability frontier: changes whose dot it covers are ignored on arrival.
    var stable: [String: UInt64]?
    /// Record states joined before any change is delivered.
    var initial: [RecordState]?
    /// Changes that all decode; the structurally invalid ones are listed in `expected.rejected`.
    var changes: [Change]
    /// Indices into `changes`, duplicates allowed; default `0..<changes.count`.
    var delivery: [Int]?
    /// Wire JSON (exact text) that must not decode as a `Change`.
    var rawChanges: [RawChange]?
    var derivedIDs: [DerivedIDCase]?
    var expected: Expected

    struct DerivedIDCase: Decodable, Sendable {
        var source: String
        var role: String
        var id: String
    }

    struct RawChange: Decodable, Sendable {
        var description: String
        /// The exact JSON text.
        var json: String
        /// JSON pointer of where decoding must fail (`/ops/0/slot`; `/ops/0` for an op whose keys clash).
        var at: String
    }

    struct Expected: Decodable, Sendable {
        var records: [ExpectedRecord]
        var conflicts: [ExpectedConflict]
        /// Dots of the changes `Replica.receive` must refuse, in `changes` order.
        var rejected: [String]?
        /// Every record state after delivery, sorted by ID bytewise (RecordState JSON).
        var states: [RecordState]?
        var nextLocalTime: NextLocalTime?
    }

    struct NextLocalTime: Decodable, Sendable {
        /// Physical time (Unix ms) of a local change made after delivery.
        var physical: UInt64
        /// The HLC time it must get.
        var time: String
    }

    struct ExpectedRecord: Decodable, Sendable {
        var entity: String
        var id: String
        var deleted: Bool
        var fields: [String: Value]
        var sets: [String: [String]]?
        var lists: [String: [String]]?
        var listItems: [String: [ExpectedListItem]]?
    }

    struct ExpectedListItem: Decodable, Sendable {
        var id: String
        var position: String
        var members: [String: Value]
    }

    struct ExpectedConflict: Decodable, Sendable, Equatable, CustomStringConvertible {
        struct Side: Decodable, Sendable, Equatable {
            var slot: String
            var dot: String
        }

        var id: String
        var record: String
        var kind: String
        var slot: String
        var winner: String
        var others: [Side]

        var description: String {
            "\(id): \(record) \(kind) \(slot) winner \(winner) others [\(others.map { "\($0.slot)@\($0.dot)" }.joined(separator: ", "))]"
        }

        /// Byte-exact equality (Swift `String ==` would equate NFC and NFD spellings).
        static func == (lhs: Self, rhs: Self) -> Bool {
            VectorCompare.same(lhs.id, rhs.id) && VectorCompare.same(lhs.record, rhs.record) && lhs.kind == rhs.kind
                && VectorCompare.same(lhs.slot, rhs.slot) && lhs.winner == rhs.winner
                && lhs.others.count == rhs.others.count
                && zip(lhs.others, rhs.others).allSatisfy { VectorCompare.same($0.slot, $1.slot) && $0.dot == $1.dot }
        }
    }

    /// The outcome of delivering the changes: the replica, and the changes it refused.
    struct Run {
        var replica: Replica
        /// Refused changes: dot → the error `receive` threw.
        var refused: [String: String]

        /// Dots of the refused changes, in the order of `changes`.
        func refusedDots(in changes: [Change]) -> [String] {
            changes.map(\.dot.description).filter { refused[$0] != nil }
        }
    }

    /// The delivery order the vector states.
    var deliveryOrder: [Int] { delivery ?? Array(changes.indices) }

    /// A fresh replica that joined `initial` and received the changes in `order`;
    /// a change `receive` refuses is recorded in `refused`, not thrown.
    func run(order: [Int]) throws -> Run {
        var replica = Replica(id: ReplicaID(unchecked: "vector-under-test"))
        var frontier: [ReplicaID: UInt64] = [:]
        for (replicaText, counter) in stable ?? [:] {
            frontier[try ReplicaID(replicaText)] = counter
        }
        replica.stable = VersionVector(frontier)
        for state in initial ?? [] {
            try replica.join(state)
        }
        var refused: [String: String] = [:]
        for index in order {
            // Physical time far ahead of every vector time: drift checks are not under test here.
            do {
                try replica.receive(changes[index], physical: HybridTimestamp.maxMillis)
            } catch {
                refused[changes[index].dot.description] = error.description
            }
        }
        return Run(replica: replica, refused: refused)
    }

    /// Every difference between `expected` and what `run` shows (empty when they agree).
    func mismatches(_ run: Run) -> [String] {
        let replica = run.replica
        var problems: [String] = []
        let existing = replica.records.values.filter(\.exists)
            .sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        let expectedIDs = expected.records.map(\.id)
        if !VectorCompare.same(existing.map(\.id), expectedIDs) {
            problems.append(
                "records: expected \(VectorCompare.show(expectedIDs)), found \(VectorCompare.show(existing.map(\.id)))"
            )
        }
        for want in expected.records {
            guard let record = existing.first(where: { VectorCompare.same($0.id, want.id) }) else { continue }
            problems += mismatches(record, want)
        }
        let conflicts = replica.conflicts.map { conflict in
            ExpectedConflict(
                id: conflict.id, record: conflict.record, kind: conflict.kind.rawValue, slot: conflict.slot.path,
                winner: conflict.winner.dot.description,
                others: conflict.others.map { .init(slot: $0.slot.path, dot: $0.entry.dot.description) }
            )
        }
        if conflicts != expected.conflicts {
            problems.append(
                "conflicts:\n    found    \(conflicts.map(\.description))\n    expected \(expected.conflicts.map(\.description))"
            )
        }
        let refused = run.refusedDots(in: changes)
        if refused != (expected.rejected ?? []) {
            let reasons = refused.map { "\($0): \(run.refused[$0]!)" }
            problems.append("rejected: expected \(expected.rejected ?? []), refused \(refused) \(reasons)")
        }
        if let states = expected.states {
            problems += stateMismatches(replica, states)
        }
        if let next = expected.nextLocalTime {
            var clock = replica.clock
            let time = clock.tick(physical: next.physical)
            if time.description != next.time {
                problems.append("next local time at physical \(next.physical): \(time), expected \(next.time)")
            }
        }
        problems += rawChangeMismatches()
        for derived in derivedIDs ?? [] {
            let made = DerivedID.make(from: derived.source, role: derived.role)
            if made != derived.id {
                problems.append("DerivedID.make(from: \(derived.source), role: \(derived.role)) = \(made), expected \(derived.id)")
            }
        }
        return problems
    }

    private func mismatches(_ record: RecordState, _ want: ExpectedRecord) -> [String] {
        var problems: [String] = []
        if record.entity != want.entity {
            problems.append("\(want.id): entity \(record.entity), expected \(want.entity)")
        }
        if record.isDeleted != want.deleted {
            problems.append("\(want.id): isDeleted \(record.isDeleted), expected \(want.deleted)")
        }
        if !VectorCompare.same(record.fieldValues, want.fields) {
            problems.append(
                "\(want.id): fields \(VectorCompare.show(record.fieldValues)), expected \(VectorCompare.show(want.fields))"
            )
        }
        for (field, elements) in (want.sets ?? [:]).sorted(by: { $0.key < $1.key }) {
            let found = record.elements(of: field)
            if !VectorCompare.same(found, elements) {
                problems.append(
                    "\(want.id): elements(of: \(field)) \(VectorCompare.show(found)), expected \(VectorCompare.show(elements))"
                )
            }
        }
        for (field, ids) in (want.lists ?? [:]).sorted(by: { $0.key < $1.key }) {
            let found = record.items(of: field).map(\.id)
            if !VectorCompare.same(found, ids) {
                problems.append("\(want.id): items(of: \(field)) \(found), expected \(ids)")
            }
        }
        for (field, items) in (want.listItems ?? [:]).sorted(by: { $0.key < $1.key }) {
            let found = record.items(of: field)
            let same =
                found.count == items.count
                && zip(found, items).allSatisfy { have, want in
                    VectorCompare.same(have.id, want.id) && VectorCompare.same(have.position, want.position)
                        && VectorCompare.same(have.members, want.members)
                }
            if !same {
                let shown = found.map { "\($0.id)@\($0.position) \(VectorCompare.show($0.members))" }
                let wanted = items.map { "\($0.id)@\($0.position) \(VectorCompare.show($0.members))" }
                problems.append("\(want.id): items(of: \(field)) \(shown), expected \(wanted)")
            }
        }
        return problems
    }

    /// The replica's record states must equal the expected ones (decoded with the
    /// core's own `RecordState` decoder) and encode to the same JSON.
    private func stateMismatches(_ replica: Replica, _ states: [RecordState]) -> [String] {
        let actual = VectorFixtures.sortedStates(replica)
        let actualJSON = (try? VectorFixtures.canonicalJSON(actual)) ?? "(does not encode)"
        let expectedJSON = (try? VectorFixtures.canonicalJSON(states)) ?? "(does not encode)"
        guard actual != states || actualJSON != expectedJSON else { return [] }
        return ["states:\n    found    \(actualJSON)\n    expected \(expectedJSON)"]
    }

    /// Every raw change must be valid JSON that `Change` decoding refuses at `at`.
    private func rawChangeMismatches() -> [String] {
        var problems: [String] = []
        for (index, raw) in (rawChanges ?? []).enumerated() {
            let data = Data(raw.json.utf8)
            let label = "rawChanges[\(index)] (\(raw.description))"
            guard (try? JSONSerialization.jsonObject(with: data)) != nil else {
                problems.append("\(label) is not valid JSON")
                continue
            }
            // A receiver reads wire JSON through the codec's pre-scan, which
            // refuses some forms (number syntax) before any decoding: refused
            // by byte offset, so there is no coding path to compare.
            if (try? WireCodec().scan(Array(data))) == nil { continue }
            do {
                _ = try JSONDecoder().decode(Change.self, from: data)
                problems.append("\(label) decodes; it must be refused")
            } catch let error as DecodingError {
                let at = VectorCompare.pointer(error)
                if at != raw.at {
                    problems.append("\(label) refused at \(at.isEmpty ? "/" : at), expected at \(raw.at): \(error)")
                }
            } catch {
                problems.append("\(label) refused with an unexpected error: \(error)")
            }
        }
        return problems
    }
}

/// Byte-exact comparisons. Swift `String ==` uses canonical equivalence
/// (NFC "ü" == NFD "u\u{308}"), but the sync rules compare strings as bytes.
enum VectorCompare {
    static func same(_ lhs: String, _ rhs: String) -> Bool { lhs.utf8.elementsEqual(rhs.utf8) }

    static func same(_ lhs: [String], _ rhs: [String]) -> Bool {
        lhs.count == rhs.count && zip(lhs, rhs).allSatisfy { same($0, $1) }
    }

    static func same(_ lhs: Value, _ rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.text(let left), .text(let right)): same(left, right)
        default: lhs == rhs
        }
    }

    static func same(_ lhs: [String: Value], _ rhs: [String: Value]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        let left = lhs.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        let right = rhs.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        return zip(left, right).allSatisfy { same($0.key, $1.key) && same($0.value, $1.value) }
    }

    /// The JSON pointer of where decoding failed (`/ops/0/slot`; `""` for the root).
    static func pointer(_ error: DecodingError) -> String {
        let path: [any CodingKey]
        switch error {
        case .keyNotFound(let key, let context): path = context.codingPath + [key]
        case .valueNotFound(_, let context), .typeMismatch(_, let context), .dataCorrupted(let context):
            path = context.codingPath
        @unknown default: path = []
        }
        return path.map { "/" + ($0.intValue.map(String.init) ?? $0.stringValue) }.joined()
    }

    /// A readable rendering that shows non-ASCII scalars as `\u{…}` (so NFC and NFD differ visibly).
    static func show(_ text: String) -> String {
        "\"" + text.unicodeScalars.map { $0.isASCII ? String($0) : "\\u{\(String($0.value, radix: 16))}" }.joined() + "\""
    }

    static func show(_ texts: [String]) -> String { "[" + texts.map(show).joined(separator: ", ") + "]" }

    static func show(_ value: Value) -> String {
        switch value {
        case .null: "null"
        case .bool(let bool): "\(bool)"
        case .int(let int): "\(int)"
        case .text(let text): show(text)
        }
    }

    static func show(_ values: [String: Value]) -> String {
        "{" + values.sorted { $0.key < $1.key }.map { "\($0.key): \(show($0.value))" }.joined(separator: ", ") + "}"
    }
}
