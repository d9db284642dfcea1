extension RecordState {
    /// One item of an ordered-list field, as currently visible.
    public struct ListItem: Hashable, Sendable {
        /// The item's ID (stable across edits and moves).
        public var id: String
        /// Its position key (see ``FractionalIndex``).
        public var position: String
        /// Winning member values by member name (`@pos` excluded).
        public var members: [String: Value]

        /// List order: by position key, ties (concurrent inserts at the same
        /// place) by item ID, both bytewise.
        public static func precedes(_ lhs: ListItem, _ rhs: ListItem) -> Bool {
            !lhs.position.utf8.elementsEqual(rhs.position.utf8)
                ? lhs.position.utf8.lexicographicallyPrecedes(rhs.position.utf8)
                : lhs.id.utf8.lexicographicallyPrecedes(rhs.id.utf8)
        }
    }

    /// The winning value of a plain field, nil if never written.
    public func value(_ field: String) -> Value? { slots[.field(field)]?.winner?.value }

    /// Winning values of every plain field (no `/` in the slot), `@deleted` excluded.
    public var fieldValues: [String: Value] {
        var result: [String: Value] = [:]
        for (slot, register) in slots where slot != .deleted && slot.isPlainField {
            if let winner = register.winner { result[slot.path] = winner.value }
        }
        return result
    }

    /// The elements of an add-wins set field, sorted bytewise.
    public func elements(of field: String) -> [String] {
        let prefix = field + "/"
        return slots.compactMap { slot, register -> String? in
            guard slot.path.utf8.starts(with: prefix.utf8), slot.member == nil,
                register.entries.contains(where: { $0.value == .bool(true) })
            else { return nil }
            return slot.element
        }
        .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The visible items of an ordered-list field, in list order: by position
    /// key, ties (concurrent inserts at the same place) by item ID, bytewise.
    public func items(of field: String) -> [ListItem] {
        let prefix = field + "/"
        // Keyed by presence slot, which compares bytewise like every other key.
        var present: [Slot: ListItem] = [:]
        for (slot, register) in slots where slot.path.utf8.starts(with: prefix.utf8) && slot.member == nil {
            guard let item = slot.element, register.entries.contains(where: { $0.value == .bool(true) }) else {
                continue
            }
            present[slot] = ListItem(id: item, position: "", members: [:])
        }
        for (slot, register) in slots where slot.path.utf8.starts(with: prefix.utf8) {
            guard let member = slot.member, let item = slot.element, let value = register.winner?.value else {
                continue
            }
            let key = Slot.item(item, of: field)
            guard present[key] != nil else { continue }
            if member == Slot.positionMember {
                present[key]?.position = value.text ?? ""
            } else {
                present[key]?.members[member] = value
            }
        }
        return present.values.sorted(by: ListItem.precedes)
    }
}
