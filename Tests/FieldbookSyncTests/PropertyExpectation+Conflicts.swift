import FieldbookSync

extension PropertyExpectation {
    /// The conflicts the design brief derives from the expected entries, in
    /// `Replica.conflicts` order (record, then slot, bytewise):
    /// - a field conflict where a slot's live entries hold ≥ 2 distinct values;
    /// - a delete/edit conflict where the winning `@deleted` entry is `true` and
    ///   a live entry elsewhere is outside the causal history of every live
    ///   `true` delete.
    func conflicts() -> [Conflict] {
        recordIDs.flatMap(conflicts(in:))
    }

    /// The expected conflicts of one record, ordered by slot.
    func conflicts(in record: String) -> [Conflict] {
        let entity = entities[record] ?? ""
        let slots = records[record] ?? []
        var result: [Conflict] = []
        for slot in slots {
            guard let winner = slot.entries.first?.entry, slot.entries.contains(where: { $0.value != winner.value })
            else { continue }
            let others = slot.entries.dropFirst().compactMap(\.entry).filter { $0.value != winner.value }
            result.append(
                Conflict(
                    entity: entity, record: record, kind: .field, slot: slot.slot, winner: winner,
                    others: others.map { Conflict.Side(slot: slot.slot, entry: $0) }
                )
            )
        }
        let deletes = entries(record, .deleted)
        guard let winner = deletes.first, winner.value == .bool(true) else { return result }
        var seenByDeletes = Set<Dot>()
        for delete in deletes where delete.value == .bool(true) { seenByDeletes.formUnion(delete.seen) }
        var others: [Conflict.Side] = []
        for slot in slots where slot.slot != .deleted {
            for write in slot.entries where !seenByDeletes.contains(write.dot) {
                others.append(Conflict.Side(slot: slot.slot, entry: write.entry!))
            }
        }
        guard !others.isEmpty else { return result }
        let deleteEdit = Conflict(
            entity: entity, record: record, kind: .deleteEdit, slot: .deleted, winner: winner.entry!, others: others
        )
        let deleted = FieldbookSync.Slot.deleted.path.utf8
        let index = result.firstIndex { deleted.lexicographicallyPrecedes($0.slot.path.utf8) } ?? result.endIndex
        result.insert(deleteEdit, at: index)
        return result
    }
}
