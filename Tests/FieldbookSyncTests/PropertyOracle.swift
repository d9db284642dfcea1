import FieldbookSync

/// An independent record of every write made in a schedule, kept outside the
/// merge, from which the expected outcome of the merge is computed.
///
/// Each replica's *causal history* is the set of dots it has made or
/// received. A write to a slot remembers the history its writer had, so
/// "write *v* overwrites write *w*" is simply "*w* is in *v*'s history" — no
/// register, supersede list or timestamp of the sync core is consulted.
struct PropertyOracle: Sendable {
    /// One slot of one record.
    struct SlotKey: Hashable, Sendable, Comparable {
        var record: String
        var slot: Slot

        static func < (lhs: SlotKey, rhs: SlotKey) -> Bool {
            lhs.record != rhs.record
                ? lhs.record.utf8.lexicographicallyPrecedes(rhs.record.utf8)
                : lhs.slot.path.utf8.lexicographicallyPrecedes(rhs.slot.path.utf8)
        }
    }

    /// One slot write: a value or a removal, with what its writer had seen.
    struct Write: Sendable {
        var dot: Dot
        var time: HybridTimestamp
        /// The value written; nil for a removal.
        var value: Value?
        /// The delete's covers list, as sent.
        var covers: [Dot]
        /// The writer's causal history when it made the change (its own dot excluded).
        var seen: Set<Dot>

        /// The entry this write should leave in the register while live.
        var entry: Entry? { value.map { Entry(dot: dot, time: time, value: $0, covers: covers) } }

        /// The expected winner order: greater time (ms, then logical), then
        /// greater replica ID bytewise, then greater counter.
        static func beats(_ lhs: Write, _ rhs: Write) -> Bool {
            if lhs.time.millis != rhs.time.millis { return lhs.time.millis > rhs.time.millis }
            if lhs.time.logical != rhs.time.logical { return lhs.time.logical > rhs.time.logical }
            let left = Array(lhs.dot.replica.rawValue.utf8)
            let right = Array(rhs.dot.replica.rawValue.utf8)
            if left != right { return right.lexicographicallyPrecedes(left) }
            return lhs.dot.counter > rhs.dot.counter
        }
    }

    /// Causal history of each replica.
    private(set) var histories: [ReplicaID: Set<Dot>] = [:]
    /// Every write, by slot, in the order made.
    private(set) var writes: [SlotKey: [Write]] = [:]
    /// Entity of every record written.
    private(set) var entities: [String: String] = [:]
    /// Every change made, in the order made.
    private(set) var changes: [Change] = []

    /// Records a change just made by `replica` (before it entered its history).
    mutating func made(_ change: Change, by replica: ReplicaID) {
        let seen = histories[replica, default: []]
        for op in change.ops {
            let write = Write(dot: change.dot, time: change.time, value: op.value, covers: op.covers, seen: seen)
            writes[SlotKey(record: change.record, slot: op.slot), default: []].append(write)
        }
        entities[change.record] = change.entity
        changes.append(change)
        histories[replica, default: []].insert(change.dot)
    }

    /// Records that `replica` has received (applied) the change `dot`.
    mutating func received(_ dot: Dot, by replica: ReplicaID) {
        histories[replica, default: []].insert(dot)
    }

    /// Whether `write` was causally overwritten: another write to its slot
    /// was made by a replica that had seen it (for a removal: removed it).
    func isOverwritten(_ write: Write, in key: SlotKey) -> Bool {
        writes[key, default: []].contains { $0.dot != write.dot && $0.seen.contains(write.dot) }
    }

    /// What the merge should have produced once every change is delivered.
    func expectation() -> PropertyExpectation { PropertyExpectation(self) }
}
