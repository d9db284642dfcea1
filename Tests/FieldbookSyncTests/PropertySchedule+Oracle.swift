import FieldbookSync

extension PropertySchedule {
    /// Judges the converged state against the oracle:
    /// - no write lost: every write is the winning value, causally
    ///   overwritten, or a live entry shown as a conflict side;
    /// - the winner is the greatest of the causally maximal writes by
    ///   (time, replica bytewise, counter);
    /// - the live entries are exactly the causally maximal writes carrying a
    ///   value, and the superseded dots exactly the overwritten ones;
    /// - the conflicts and the derived views (fields, set, list, deleted) are
    ///   those the design brief derives from them, and conflict IDs are unique.
    func oracleFailures() -> [String] {
        let state = replicas[0].records
        let conflicts = replicas[0].conflicts
        let expectation = oracle.expectation()
        var failures: [String] = []
        if Set(state.keys) != Set(expectation.recordIDs) {
            failures.append("records: expected \(expectation.recordIDs), found \(state.keys.sorted())")
        }
        for id in expectation.recordIDs {
            let record = state[id] ?? RecordState(entity: "", id: id)
            let shown = Dictionary(grouping: conflicts.filter { $0.record == id }.flatMap(\.others), by: \.slot)
            for slot in expectation.records[id]! {
                failures += slotFailures(id, slot, record.register(slot.slot), shown[slot.slot, default: []])
                if failures.count >= 3 { return failures }
            }
            let written = Set(expectation.records[id]!.map(\.slot))
            for slot in record.slots.keys where !written.contains(slot) && !record.register(slot).isEmpty {
                failures.append("\(id)/\(slot): holds \(Self.describe(record.register(slot))) yet nobody wrote it")
            }
            if record.entity != expectation.entities[id] { failures.append("\(id): entity \(record.entity)") }
        }
        let expectedConflicts = expectation.conflicts()
        if conflicts != expectedConflicts {
            let render = { (list: [Conflict]) in
                list.map { "\($0.id) \($0.kind) \($0.winner.dot) vs \($0.others.map(\.entry.dot))" }
            }
            failures.append("conflicts: expected \(render(expectedConflicts)), found \(render(conflicts))")
        }
        let ids = conflicts.map(\.id)
        if Set(ids).count != ids.count { failures.append("conflicts: IDs not unique: \(ids)") }
        return failures + viewFailures(state, expectation)
    }

    private func slotFailures(
        _ record: String, _ expected: PropertyExpectation.Slot, _ register: Register, _ shown: [Conflict.Side]
    ) -> [String] {
        let place = "\(record)/\(expected.slot)"
        var failures: [String] = []
        let key = PropertyOracle.SlotKey(record: record, slot: expected.slot)
        for write in oracle.writes[key, default: []] where write.value != nil && !expected.superseded.contains(write.dot) {
            let live = register.entries.contains { $0.dot == write.dot }
            let winning = register.winner?.value == write.value
            if !live || !(winning || shown.contains { $0.entry.dot == write.dot }) {
                failures.append(
                    "write lost: \(write.dot)=\(PropertyWorld.render(write.value)) at \(place) is not causally overwritten, "
                        + "yet it is \(live ? "live but neither the winning value nor a conflict side" : "not a live entry"); "
                        + "register \(Self.describe(register))"
                )
            }
        }
        if register.winner?.dot != expected.entries.first?.dot {
            failures.append(
                "winner at \(place): expected \(expected.entries.first.map { "\($0.dot)@\($0.time)" } ?? "none") "
                    + "(greatest time, then replica bytewise, then counter), register \(Self.describe(register))"
            )
        }
        if register.entries != expected.entries.compactMap(\.entry) {
            failures.append(
                "live entries at \(place): expected the causally maximal writes \(expected.entries.map(\.dot)), "
                    + "register \(Self.describe(register))"
            )
        }
        if register.superseded != expected.superseded {
            failures.append(
                "superseded at \(place): expected \(expected.superseded.sorted()), register \(Self.describe(register))"
            )
        }
        return failures
    }

    private func viewFailures(_ state: [String: RecordState], _ expectation: PropertyExpectation) -> [String] {
        var failures: [String] = []
        for (id, record) in state.sorted(by: { $0.key < $1.key }) {
            let elements = expectation.elements(in: id)
            let foundElements = record.elements(of: PropertyWorld.setField)
            if foundElements != elements { failures.append("set \(id)/tags: expected \(elements), found \(foundElements)") }
            let items = expectation.items(in: id)
            let found = record.items(of: PropertyWorld.listField).map {
                PropertyExpectation.Item(id: $0.id, position: $0.position, members: $0.members)
            }
            if found != items { failures.append("list \(id)/lines: expected \(items.map(\.id)), found \(found.map(\.id))") }
            let deleted = expectation.value(id, .deleted) == .bool(true)
            if record.isDeleted != deleted { failures.append("\(id): isDeleted \(record.isDeleted), expected \(deleted)") }
            for field in PropertyWorld.fields where record.value(field) != expectation.value(id, .field(field)) {
                failures.append("\(id).\(field): winning value differs from the oracle's")
            }
        }
        return failures
    }
}
