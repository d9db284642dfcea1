import FieldbookSync

/// The outcome the merge should produce once every change is delivered,
/// derived from a ``PropertyOracle`` alone (computed once per schedule).
struct PropertyExpectation: Sendable {
    typealias Write = PropertyOracle.Write

    /// The expected register of one slot.
    struct Slot: Sendable {
        /// The slot.
        var slot: FieldbookSync.Slot
        /// Live entries: the causally maximal writes carrying a value, winner first.
        var entries: [Write]
        /// Dots the register should remember as overwritten: every value
        /// write another write to the slot had seen.
        var superseded: Set<Dot>
    }

    /// A visible list item.
    struct Item: Hashable, Sendable {
        var id: String
        var position: String
        var members: [String: Value]
    }

    /// Expected registers by record, each sorted by slot (bytewise).
    let records: [String: [Slot]]
    /// Entity of every record.
    let entities: [String: String]

    /// Settles every written slot of `oracle`.
    init(_ oracle: PropertyOracle) {
        var records: [String: [Slot]] = [:]
        for (key, writes) in oracle.writes {
            var entries: [Write] = []
            var superseded = Set<Dot>()
            for write in writes where write.value != nil {
                if oracle.isOverwritten(write, in: key) { superseded.insert(write.dot) } else { entries.append(write) }
            }
            records[key.record, default: []].append(
                Slot(slot: key.slot, entries: entries.sorted(by: Write.beats), superseded: superseded)
            )
        }
        self.records = records.mapValues { slots in
            slots.sorted { $0.slot.path.utf8.lexicographicallyPrecedes($1.slot.path.utf8) }
        }
        entities = oracle.entities
    }

    /// Record IDs, sorted bytewise.
    var recordIDs: [String] { records.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } }

    /// The expected live entries of `slot` in `record`, winner first.
    func entries(_ record: String, _ slot: FieldbookSync.Slot) -> [Write] {
        records[record]?.first { $0.slot == slot }?.entries ?? []
    }

    /// The expected winning value of `slot` in `record`.
    func value(_ record: String, _ slot: FieldbookSync.Slot) -> Value? { entries(record, slot).first?.value }

    /// Whether `slot` in `record` holds a live `true` (set element or item present).
    func isPresent(_ record: String, _ slot: FieldbookSync.Slot) -> Bool {
        entries(record, slot).contains { $0.value == .bool(true) }
    }

    /// The expected elements of the set field, sorted bytewise.
    func elements(in record: String) -> [String] {
        PropertyWorld.elements
            .filter { isPresent(record, .element($0, of: PropertyWorld.setField)) }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The expected visible list items in list order: position key, then item ID, bytewise.
    func items(in record: String) -> [Item] {
        let field = PropertyWorld.listField
        var items: [Item] = []
        for item in PropertyWorld.items where isPresent(record, .item(item, of: field)) {
            var members: [String: Value] = [:]
            for member in PropertyWorld.members {
                members[member] = value(record, .member(member, ofItem: item, in: field))
            }
            let position = value(record, .member(FieldbookSync.Slot.positionMember, ofItem: item, in: field))
            items.append(Item(id: item, position: position?.text ?? "", members: members))
        }
        return items.sorted { lhs, rhs in
            lhs.position != rhs.position
                ? lhs.position.utf8.lexicographicallyPrecedes(rhs.position.utf8)
                : lhs.id.utf8.lexicographicallyPrecedes(rhs.id.utf8)
        }
    }
}
