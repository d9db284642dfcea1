import FieldbookModel
import FieldbookSync

extension RecordEdit {
    /// Writes the edit onto `builder`, relative to the state it started from:
    /// scalars are written unless they already hold exactly that value (a
    /// field in conflict is always written, which resolves the conflict),
    /// sets and lists given whole are diffed so concurrent additions
    /// elsewhere survive, list operations name existing items.
    /// - Throws: ``RecordAPIError`` 400 when a list operation names an item the list does not have.
    func apply(to builder: inout ChangeBuilder) throws {
        let state = builder.state
        for (name, value) in scalars.sorted(by: { $0.key < $1.key }) {
            let entries = state.register(.field(name)).entries
            let unchanged = entries.count == 1 && entries[0].value == value || entries.isEmpty && value == .null
            if !unchanged { builder.set(name, to: value) }
        }
        for (name, elements) in sets.sorted(by: { $0.key < $1.key }) {
            let old = Set(state.elements(of: name))
            let new = Set(elements)
            for element in new.subtracting(old).sorted() { builder.add(element, to: name) }
            for element in old.subtracting(new).sorted() { builder.remove(element, from: name) }
        }
        for (name, elements) in additions.sorted(by: { $0.key < $1.key }) {
            let old = Set(state.elements(of: name))
            for element in Set(elements).subtracting(old).sorted() { builder.add(element, to: name) }
        }
        for (name, elements) in removals.sorted(by: { $0.key < $1.key }) {
            let old = Set(state.elements(of: name))
            for element in Set(elements).intersection(old).sorted() { builder.remove(element, from: name) }
        }
        for (name, items) in lists.sorted(by: { $0.key < $1.key }) {
            try replaceList(name, with: items, in: &builder)
        }
        for (name, operations) in listOperations.sorted(by: { $0.key < $1.key }) {
            try applyOperations(operations, to: name, in: &builder)
        }
    }

    /// Makes list `name` hold exactly `items`, in that order.
    private func replaceList(_ name: String, with items: [ListItemInput], in builder: inout ChangeBuilder) throws {
        let old = builder.state.items(of: name)
        let oldByID = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for item in items where item.isNew && oldByID[item.id] != nil {
            throw RecordAPIError.invalidRequest("\(name): a new item reuses the ID of an existing one")
        }
        let newIDs = Set(items.map(\.id))
        for item in old where !newIDs.contains(item.id) { builder.removeItem(item.id, from: name) }
        let staying = Self.itemsKeepingTheirPlace(items.map(\.id), oldOrder: old.map(\.id))
        let memberNames = schema.field(name)?.members.map(\.name) ?? []
        var previous: String?
        for item in items {
            if let current = oldByID[item.id] {
                if !staying.contains(item.id) { builder.moveItem(item.id, in: name, after: previous) }
                for member in memberNames {
                    let value = item.members[member] ?? .null
                    if (current.members[member] ?? .null) != value {
                        builder.setItem(item.id, in: name, member: member, to: value)
                    }
                }
            } else {
                builder.insertItem(item.id, into: name, after: previous, members: item.members.filter { $0.value != .null })
            }
            previous = item.id
        }
    }

    /// Applies list operations in order, tracking the list as they change it.
    private func applyOperations(
        _ operations: [ListOperation], to name: String, in builder: inout ChangeBuilder
    ) throws {
        var order = builder.state.items(of: name).map(\.id)
        func anchorID(_ anchor: Anchor, for item: String) throws -> String? {
            switch anchor {
            case .start: return nil
            case .end: return order.last { $0 != item }
            case .after(let other):
                guard order.contains(other), other != item else {
                    throw RecordAPIError.invalidRequest("items.\(name): after names no other item of the list")
                }
                return other
            }
        }
        func place(_ item: String, after anchor: String?) {
            order.removeAll { $0 == item }
            let index = anchor.flatMap { order.firstIndex(of: $0).map { $0 + 1 } } ?? 0
            order.insert(item, at: index)
        }
        func requireItem(_ item: String) throws {
            guard order.contains(item) else { throw RecordAPIError.invalidRequest("items.\(name): no item \(item)") }
        }
        for operation in operations {
            switch operation {
            case .insert(let id, let anchor, let members):
                guard !order.contains(id) else {
                    throw RecordAPIError.invalidRequest("items.\(name): an item \(id) already exists")
                }
                let after = try anchorID(anchor, for: id)
                builder.insertItem(id, into: name, after: after, members: members.filter { $0.value != .null })
                place(id, after: after)
            case .update(let id, let members):
                try requireItem(id)
                for (member, value) in members.sorted(by: { $0.key < $1.key }) {
                    builder.setItem(id, in: name, member: member, to: value)
                }
            case .move(let id, let anchor):
                try requireItem(id)
                let after = try anchorID(anchor, for: id)
                builder.moveItem(id, in: name, after: after)
                place(id, after: after)
            case .remove(let id):
                try requireItem(id)
                builder.removeItem(id, from: name)
                order.removeAll { $0 == id }
            }
        }
    }

    /// The items of `newOrder` already in the list that need not move: a
    /// longest run of them in their old relative order (moving only the
    /// others keeps a reorder minimal, so it merges with concurrent moves).
    static func itemsKeepingTheirPlace(_ newOrder: [String], oldOrder: [String]) -> Set<String> {
        let oldIndex = Dictionary(oldOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let kept = newOrder.compactMap { id in oldIndex[id].map { (id: id, index: $0) } }
        var tails: [Int] = []
        var predecessor = [Int?](repeating: nil, count: kept.count)
        for position in kept.indices {
            var low = 0
            var high = tails.count
            while low < high {
                let middle = (low + high) / 2
                if kept[tails[middle]].index < kept[position].index { low = middle + 1 } else { high = middle }
            }
            predecessor[position] = low > 0 ? tails[low - 1] : nil
            if low == tails.count { tails.append(position) } else { tails[low] = position }
        }
        var result = Set<String>()
        var cursor = tails.last
        while let position = cursor {
            result.insert(kept[position].id)
            cursor = predecessor[position]
        }
        return result
    }
}
