extension RecordState {
    /// Every open conflict of the record, ordered by slot.
    public var conflicts: [Conflict] {
        var result: [Conflict] = []
        for slot in slots.keys.sorted() {
            if let conflict = fieldConflict(at: slot) { result.append(conflict) }
        }
        if let deleteEdit = deleteEditConflict {
            let index = result.firstIndex { $0.slot > .deleted } ?? result.endIndex
            result.insert(deleteEdit, at: index)
        }
        return result
    }

    /// The field conflict at `slot`, if its concurrent entries disagree.
    public func fieldConflict(at slot: Slot) -> Conflict? {
        guard let register = slots[slot], register.hasConflict, let winner = register.winner else { return nil }
        let others = register.entries.dropFirst().filter { $0.value != winner.value }
        return Conflict(
            entity: entity, record: id, kind: .field, slot: slot, winner: winner,
            others: others.map { Conflict.Side(slot: slot, entry: $0) }
        )
    }

    /// The delete/edit conflict: the record is deleted, yet it holds entries
    /// that no live delete had seen (edits concurrent with the delete).
    public var deleteEditConflict: Conflict? {
        guard let deletes = slots[.deleted], let winner = deletes.winner, winner.value == .bool(true) else {
            return nil
        }
        var covered = Set<Dot>()
        for entry in deletes.entries where entry.value == .bool(true) {
            covered.formUnion(entry.covers)
        }
        var others: [Conflict.Side] = []
        for slot in slots.keys.sorted() where slot != .deleted {
            for entry in slots[slot]!.entries where !covered.contains(entry.dot) {
                others.append(Conflict.Side(slot: slot, entry: entry))
            }
        }
        guard !others.isEmpty else { return nil }
        return Conflict(entity: entity, record: id, kind: .deleteEdit, slot: .deleted, winner: winner, others: others)
    }
}
