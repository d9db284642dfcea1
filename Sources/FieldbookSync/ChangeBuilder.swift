/// Builds the operations of one change from a replica's current view of a record.
///
/// Each write supersedes exactly the entries the replica currently sees in
/// the slot — that is what makes later writes causal overwrites and
/// concurrent writes visible conflicts. Writing a slot twice in one builder
/// keeps the last write.
///
/// ```swift
/// var builder = ChangeBuilder(state: current)
/// builder.set("name", to: "Müller GmbH")
/// builder.add("vip", to: "tags")
/// let ops = builder.operations
/// ```
public struct ChangeBuilder: Sendable {
    /// The record as the replica sees it before this change.
    public let state: RecordState
    private var pending: [Slot: Operation] = [:]

    /// Starts a change on `state` (an empty state for a new record).
    public init(state: RecordState) { self.state = state }

    /// The operations built so far, sorted by slot.
    public var operations: [Operation] { pending.values.sorted { $0.slot < $1.slot } }

    /// Whether nothing has been written yet.
    public var isEmpty: Bool { pending.isEmpty }

    /// Writes a plain field. Writing `.null` clears it. Also the way to
    /// resolve a field conflict: the write supersedes every concurrent entry.
    public mutating func set(_ field: String, to value: Value) {
        write(.field(field), value)
    }

    /// Resolves the conflict at `slot` by writing `value`, superseding both sides.
    /// On `@deleted`, `true` is a ``delete()`` (covering every entry seen) and
    /// anything else a ``restore()``.
    public mutating func resolve(_ slot: Slot, with value: Value) {
        guard slot != .deleted else {
            if value == .bool(true) { delete() } else { restore() }
            return
        }
        write(slot, value)
    }

    /// Adds an element to an add-wins set field.
    public mutating func add(_ element: String, to field: String) {
        write(.element(element, of: field), .bool(true))
    }

    /// Removes an element from a set field: only the additions seen here are
    /// removed, so a concurrent add elsewhere wins.
    public mutating func remove(_ element: String, from field: String) {
        write(.element(element, of: field), nil)
    }

    /// Inserts a new list item after `after` (nil: at the start) and sets its members.
    /// Returns the position key chosen.
    @discardableResult
    public mutating func insertItem(
        _ item: String, into field: String, after: String?, members: [String: Value] = [:]
    ) -> String {
        let position = positionAfter(after, in: field, excluding: item)
        write(.item(item, of: field), .bool(true))
        write(.member(Slot.positionMember, ofItem: item, in: field), .text(position))
        for (member, value) in members {
            write(.member(member, ofItem: item, in: field), value)
        }
        return position
    }

    /// Sets a member of a list item; also re-asserts the item's presence, so an
    /// edit concurrent with the item's removal keeps the item (update wins).
    public mutating func setItem(_ item: String, in field: String, member: String, to value: Value) {
        write(.item(item, of: field), .bool(true))
        write(.member(member, ofItem: item, in: field), value)
    }

    /// Moves a list item to just after `after` (nil: to the start). Like an
    /// edit, a move re-asserts the item's presence (update wins over removal).
    public mutating func moveItem(_ item: String, in field: String, after: String?) {
        let position = positionAfter(after, in: field, excluding: item)
        write(.item(item, of: field), .bool(true))
        write(.member(Slot.positionMember, ofItem: item, in: field), .text(position))
    }

    /// Removes a list item (the presence entries seen here).
    public mutating func removeItem(_ item: String, from field: String) {
        write(.item(item, of: field), nil)
    }

    /// Narrows every write built so far to overwrite only what the user saw.
    ///
    /// A front end that lets a user edit a copy read earlier must not
    /// overwrite values that arrived (by sync) after that read: those the user
    /// never saw. Each operation's `supersedes` keeps only dots that were
    /// entries of the same slot in `seen`; a newer value is then concurrent
    /// with the edit and becomes a visible conflict instead of being lost.
    public mutating func limitSupersedes(toEntriesOf seen: RecordState) {
        for (slot, op) in pending {
            let visible = Set(seen.register(slot).entries.map(\.dot))
            let kept = op.supersedes.filter(visible.contains)
            guard kept.count != op.supersedes.count else { continue }
            pending[slot] = Operation(slot: slot, value: op.value, supersedes: kept, covers: op.covers)
        }
    }

    /// Deletes the record: a tombstone covering every entry seen here.
    public mutating func delete() {
        pending[.deleted] = Operation(
            slot: .deleted, value: .bool(true),
            supersedes: state.register(.deleted).entries.map(\.dot),
            covers: state.liveDots
        )
    }

    /// Restores a deleted record (also resolves a delete/edit conflict by restoring).
    public mutating func restore() {
        write(.deleted, .bool(false))
    }

    private mutating func write(_ slot: Slot, _ value: Value?) {
        pending[slot] = Operation(
            slot: slot, value: value, supersedes: state.register(slot).entries.map(\.dot)
        )
    }

    private func positionAfter(_ after: String?, in field: String, excluding item: String) -> String {
        let items = itemsIncludingPending(of: field).filter { $0.id != item }
        guard let after else { return FractionalIndex.between(nil, items.first?.position) }
        guard let index = items.firstIndex(where: { $0.id == after }) else {
            return FractionalIndex.between(items.last?.position, nil)
        }
        // The next strictly greater key: after concurrent inserts neighbours
        // can share the anchor's key, and `between` needs a gap.
        let lower = items[index].position
        let upper = items[(index + 1)...].first { lower.utf8.lexicographicallyPrecedes($0.position.utf8) }?.position
        return FractionalIndex.between(lower, upper)
    }

    /// The list as it will look after the operations built so far (ID and position only).
    /// Keyed by presence slot: item IDs compare bytewise.
    private func itemsIncludingPending(of field: String) -> [RecordState.ListItem] {
        var items: [Slot: RecordState.ListItem] = [:]
        for item in state.items(of: field) { items[.item(item.id, of: field)] = item }
        for op in pending.values where op.slot.field == field && op.slot.member == nil {
            guard let item = op.slot.element else { continue }
            if op.value == nil {
                items[op.slot] = nil
            } else if items[op.slot] == nil {
                items[op.slot] = RecordState.ListItem(id: item, position: "", members: [:])
            }
        }
        for op in pending.values where op.slot.field == field && op.slot.member == Slot.positionMember {
            if let item = op.slot.element, let position = op.value?.text {
                items[.item(item, of: field)]?.position = position
            }
        }
        return items.values.sorted(by: RecordState.ListItem.precedes)
    }
}
