import FieldbookSync

/// How to discard a rejected local change, computed without I/O from the
/// rejected change, the record as it is now, and the record's other outbox
/// entries.
///
/// **A record the server never had** — every dot in it, and every dot its
/// outbox changes supersede, belongs to the outbox — is rebuilt by replaying
/// its other outbox changes on an empty record, or removed when none is
/// left. That is exact, and nothing needs to be synced.
///
/// **Otherwise** a compensating change is written. Slot by slot, for every
/// operation of the rejected change `C` (dot `d`):
///
/// 1. `S` = the dots the operation superseded, plus — for each of them that
///    belongs to another rejected change — that change's superseded dots
///    (recursively). Those not of rejected changes are the entries the
///    *server* holds in the slot, since it applied none of the rejected ones.
/// 2. **Still current** — `C`'s write is what the slot shows alone (a value:
///    `d` is the only entry; a removal: the slot is empty). The slot goes back
///    to the winner among the server's entries of `S`; to nothing when there
///    are none (plain fields and
///    list members cleared, set elements and list items removed, a delete
///    undone by `@deleted = false`; members of an item `C` inserted are left,
///    the item goes with its presence).
/// 3. **Not current** — later local writes or concurrent writes from
///    elsewhere stand: the slot keeps its winning value. If a later rejected
///    change overwrote `C` here, or the winning value comes from one, that
///    change must be discarded first (``blockedBy``): its own discard needs
///    `C`'s overwritten dots, and re-asserting it would push rejected content.
/// 4. The operation supersedes `S` and `d` (when `d` is still an entry), never
///    other entries. Superseding `S` realigns the server: without it every
///    local write made after `C` would sit beside `S` there, a conflict this
///    device never sees. A slot needing neither gets no operation.
///
/// Earlier values are known here only for set elements and list items
/// (always `true`); plain values in `S` came from the server and are not
/// kept on the device. Such slots are reported in ``unknown`` and the discard
/// must not proceed: the user sets the field first (a fix), after which the
/// slot falls under rule 3. When `S` held several values (`C` had resolved a
/// conflict) only the winner comes back.
struct DiscardPlan {
    /// For a record the server never had: the record rebuilt without the
    /// rejected change (`.some(nil)`: removed). nil: compensate instead.
    var rebuilt: RecordState??
    /// Operations of the compensating change; empty when none is needed.
    var operations: [Operation] = []
    /// Slots set back to what they held before the rejected change.
    var restored: [Slot] = []
    /// Slots whose earlier value is not known on this device.
    var unknown: [Slot] = []
    /// Later rejected changes whose values would have to be re-asserted.
    var blockedBy: [Dot] = []
    /// The record as if the rejected change had not been made (as far as
    /// known): what the compensating change is validated against.
    var before: RecordState

    /// Plans the discard of `change` from the record `current`; `outbox`
    /// holds the record's other outbox entries in push order.
    init(discarding change: Change, current: RecordState, outbox: [OutboxEntry]) {
        before = current
        let others = outbox.filter { $0.change.dot != change.dot }
        let localDots = Set(others.map(\.change.dot) + [change.dot])
        let recordDots = current.slots.values.flatMap { $0.entries.map(\.dot) + $0.superseded }
        let overwritten = (others.map(\.change) + [change]).flatMap { $0.ops.flatMap(\.supersedes) }
        if recordDots.allSatisfy(localDots.contains), overwritten.allSatisfy(localDots.contains) {
            rebuilt = Self.replay(others.map(\.change), entity: current.entity, id: current.id)
            restored = change.ops.map(\.slot)
            return
        }
        let rejected = Dictionary(
            others.filter { $0.status == .rejected }.map { ($0.change.dot, $0.change) }, uniquingKeysWith: { a, _ in a }
        )
        var slots = current.slots
        var insertedItems = Set<Slot>()
        // Presence slots first, so that members of inserted items can be recognised.
        for op in change.ops.sorted(by: { (Self.rank($0.slot), $0.slot) < (Self.rank($1.slot), $1.slot) }) {
            let register = current.register(op.slot)
            let mine = register.entries.contains { $0.dot == change.dot }
            let rest = register.entries.filter { $0.dot != change.dot }
            let serverSide = Self.serverSide(of: op.supersedes, at: op.slot, rejected: rejected)
            let supersedes = serverSide + (mine ? [change.dot] : [])
            let stillCurrent = op.value == nil ? register.entries.isEmpty : mine && rest.isEmpty
            guard stillCurrent else {
                // Later rejected changes that built on this one, or whose value would be re-asserted.
                var blocking = rejected.filter { _, later in
                    later.ops.contains { $0.slot == op.slot && $0.supersedes.contains(change.dot) }
                }.map(\.key)
                if let winner = rest.first, rejected[winner.dot] != nil { blocking.append(winner.dot) }
                guard blocking.isEmpty else {
                    blockedBy += blocking
                    continue
                }
                guard !supersedes.isEmpty else { continue }
                operations += [Self.operation(op.slot, target: rest.first, supersedes: supersedes)].compactMap { $0 }
                continue
            }
            let held = serverSide.filter { rejected[$0] == nil }
            guard held.isEmpty || Self.isPresence(op.slot) else {
                unknown.append(op.slot)
                continue
            }
            let prior = held.map { Entry(dot: $0, time: .zero, value: true) }
            if prior.isEmpty, Self.isPresence(op.slot), op.value != nil { insertedItems.insert(op.slot) }
            if let item = Self.presenceSlot(of: op.slot), insertedItems.contains(item) { continue }
            guard let operation = Self.operation(op.slot, target: prior.first, supersedes: supersedes) else { continue }
            slots[op.slot] = Register(entries: rest + prior, superseded: register.superseded.subtracting(held))
            restored.append(op.slot)
            operations.append(operation)
        }
        blockedBy = Array(Set(blockedBy)).sorted()
        before = RecordState(entity: current.entity, id: current.id, slots: slots)
    }

    /// `dots` with every dot of another rejected change replaced by what that
    /// change superseded in `slot`, recursively.
    private static func serverSide(of dots: [Dot], at slot: Slot, rejected: [Dot: Change]) -> [Dot] {
        var result: [Dot] = []
        var queue = dots
        var seen = Set<Dot>()
        while let dot = queue.popLast() {
            guard seen.insert(dot).inserted else { continue }
            result.append(dot)
            if let earlier = rejected[dot], let op = earlier.ops.first(where: { $0.slot == slot }) {
                queue += op.supersedes
            }
        }
        return result.sorted()
    }

    /// The record made by `changes` alone; nil when they make none.
    private static func replay(_ changes: [Change], entity: String, id: String) -> RecordState? {
        var state = RecordState(entity: entity, id: id)
        for change in changes { _ = try? state.apply(change) }
        return state.exists ? state : nil
    }

    /// The operation writing `target` (nil: the slot's empty state) over `supersedes`.
    private static func operation(_ slot: Slot, target: Entry?, supersedes: [Dot]) -> Operation? {
        if let target {
            let covers = slot == .deleted && target.value == .bool(true) ? target.covers : []
            return Operation(slot: slot, value: target.value, supersedes: supersedes, covers: covers)
        }
        if slot == .deleted { return Operation(slot: slot, value: .bool(false), supersedes: supersedes) }
        if isPresence(slot) {
            return supersedes.isEmpty ? nil : Operation(slot: slot, value: nil, supersedes: supersedes)
        }
        if slot.member == Slot.positionMember { return nil }
        return Operation(slot: slot, value: .null, supersedes: supersedes)
    }

    /// Whether `slot` is a set element or list item presence (values are always `true`).
    static func isPresence(_ slot: Slot) -> Bool { slot.element != nil && slot.member == nil }

    private static func rank(_ slot: Slot) -> Int { slot.member == nil ? 0 : 1 }

    /// The presence slot of the list item a member slot belongs to.
    private static func presenceSlot(of slot: Slot) -> Slot? {
        guard slot.member != nil, let item = slot.element else { return nil }
        return .item(item, of: slot.field)
    }
}
