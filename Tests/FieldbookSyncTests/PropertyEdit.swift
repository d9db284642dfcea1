import FieldbookSync

/// One random edit a schedule makes through ``ChangeBuilder``.
///
/// Edits are drawn first and applied afterwards, so a trace can print them
/// and the same seed always builds the same change.
enum PropertyEdit: Sendable, CustomStringConvertible {
    case set(field: String, value: Value)
    case add(element: String)
    case remove(element: String)
    case insert(item: String, after: String?, members: [String: Value])
    case move(item: String, after: String?)
    case removeItem(item: String)
    case setMember(item: String, member: String, value: Value)
    case delete
    case restore
    case resolve(slot: Slot, value: Value)

    /// Writes the edit into `builder`.
    func apply(to builder: inout ChangeBuilder) {
        let list = PropertyWorld.listField
        switch self {
        case .set(let field, let value): builder.set(field, to: value)
        case .add(let element): builder.add(element, to: PropertyWorld.setField)
        case .remove(let element): builder.remove(element, from: PropertyWorld.setField)
        case .insert(let item, let after, let members):
            builder.insertItem(item, into: list, after: after, members: members)
        case .move(let item, let after): builder.moveItem(item, in: list, after: after)
        case .removeItem(let item): builder.removeItem(item, from: list)
        case .setMember(let item, let member, let value): builder.setItem(item, in: list, member: member, to: value)
        case .delete: builder.delete()
        case .restore: builder.restore()
        case .resolve(let slot, let value): builder.resolve(slot, with: value)
        }
    }

    /// 1–3 random edits of one record, as seen in `state`.
    static func random(on state: RecordState, random: inout PropertyRandom) -> [PropertyEdit] {
        (0..<(random.percent(25) ? random.int(in: 2...3) : 1)).map { _ in single(on: state, random: &random) }
    }

    private static func single(on state: RecordState, random: inout PropertyRandom) -> PropertyEdit {
        let world = PropertyWorld.self
        let present = state.items(of: world.listField).map(\.id)
        let anyItem = { (random: inout PropertyRandom) -> String in
            !present.isEmpty && random.percent(80) ? random.pick(present) : random.pick(world.items)
        }
        let anchor = { (random: inout PropertyRandom) -> String? in
            random.percent(25) || present.isEmpty ? nil : random.pick(present + ["ghost"])
        }
        let roll = random.int(below: 100)
        switch roll {
        case 0..<33: return .set(field: random.pick(world.fields), value: random.pick(world.values))
        case 33..<43: return .add(element: random.pick(world.elements))
        case 43..<51: return .remove(element: random.pick(world.elements))
        case 51..<59:
            let members = random.percent(50) ? [random.pick(world.members): random.pick(world.values)] : [:]
            return .insert(item: random.pick(world.items), after: anchor(&random), members: members)
        case 59..<66: return .move(item: anyItem(&random), after: anchor(&random))
        case 66..<72: return .removeItem(item: anyItem(&random))
        case 72..<83:
            return .setMember(item: anyItem(&random), member: random.pick(world.members), value: random.pick(world.values))
        case 83..<94: return .delete
        default: return .restore
        }
    }

    /// An edit resolving `conflict`: for a field conflict, one side's value
    /// (or a fresh one); for `@deleted` or delete/edit, a restore or a new delete.
    static func resolving(_ conflict: Conflict, random: inout PropertyRandom) -> PropertyEdit {
        if conflict.slot == .deleted { return random.percent(50) ? .restore : .delete }
        let sides = [conflict.winner.value] + conflict.others.map(\.entry.value)
        return .resolve(slot: conflict.slot, value: random.percent(80) ? random.pick(sides) : random.pick(PropertyWorld.values))
    }

    var description: String {
        let render = PropertyWorld.render
        return switch self {
        case .set(let field, let value): "set \(field)=\(render(value))"
        case .add(let element): "add \(element)"
        case .remove(let element): "remove \(element)"
        case .insert(let item, let after, let members):
            "insert \(item) after \(after ?? "<start>") \(members.mapValues { render($0) })"
        case .move(let item, let after): "move \(item) after \(after ?? "<start>")"
        case .removeItem(let item): "removeItem \(item)"
        case .setMember(let item, let member, let value): "setItem \(item).\(member)=\(render(value))"
        case .delete: "delete"
        case .restore: "restore"
        case .resolve(let slot, let value): "resolve \(slot)=\(render(value))"
        }
    }
}
