import FieldbookSync

extension PropertySchedule {
    /// A short rendering of a register: entries winner first, then superseded dots.
    static func describe(_ register: Register?) -> String {
        guard let register else { return "<absent>" }
        let entries = register.entries.map { "\($0.dot)@\($0.time)=\(PropertyWorld.render($0.value))" }
        return "entries \(entries) superseded \(register.superseded.sorted())"
    }

    /// The first difference between two replicas' records, for messages.
    static func difference(_ lhs: [String: RecordState], _ rhs: [String: RecordState]) -> String {
        for id in Set(lhs.keys).union(rhs.keys).sorted() {
            guard let left = lhs[id], let right = rhs[id] else { return "record \(id) exists on one side only" }
            guard left != right else { continue }
            for slot in Set(left.slots.keys).union(right.slots.keys).sorted() where left.slots[slot] != right.slots[slot] {
                return "\(id)/\(slot): \(describe(left.slots[slot])) vs \(describe(right.slots[slot]))"
            }
            return "\(id): entity differs (\(left.entity) vs \(right.entity))"
        }
        return "no difference"
    }
}
