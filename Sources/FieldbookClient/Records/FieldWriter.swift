import FieldbookModel
import FieldbookSync

/// Writes the fields of a typed record that differ from the record as read
/// (``original``) into a `ChangeBuilder`; see
/// ``EntityRecord/write(to:)``.
///
/// - scalar fields are set when their value changed (nil clears);
/// - set fields add the elements added and remove the elements removed, so
///   elements another device added meanwhile stay;
/// - list fields insert, remove and move items and set the members that
///   changed (see ``ListItemRecord``).
///
/// ```swift
/// fields.write("name", \.name)
/// fields.write("roles", \.roles)
/// try fields.write("addresses", \.addresses)
/// ```
public struct FieldWriter<Record: EntityRecord> {
    /// The record being saved.
    public let record: Record
    /// The record as read, nil when there is nothing to compare with (a new record).
    public let original: Record?
    /// The entity's schema (decimal scales, list members).
    public let schema: EntitySchema
    /// The change being built; write to it directly for anything the typed
    /// writes do not cover (derived values, e.g. `ChangeBuilder.updateOfferTotals()`).
    public var builder: ChangeBuilder

    /// Starts writing `record` over `original` into `builder`.
    public init(record: Record, original: Record?, schema: EntitySchema, builder: ChangeBuilder) {
        self.record = record
        self.original = original
        self.schema = schema
        self.builder = builder
    }

    /// Writes an optional scalar field if it changed (nil clears it).
    public mutating func write<V: FieldValue>(_ field: String, _ keyPath: KeyPath<Record, V?>) {
        set(field, FieldDiff.change(record[keyPath: keyPath], original?[keyPath: keyPath], kind: kind(field)))
    }

    /// Writes a required scalar field if it changed.
    public mutating func write<V: FieldValue>(_ field: String, _ keyPath: KeyPath<Record, V>) {
        set(field, FieldDiff.change(record[keyPath: keyPath], original?[keyPath: keyPath], kind: kind(field)))
    }

    /// Adds and removes the elements of a text set field that changed.
    public mutating func write(_ field: String, _ keyPath: KeyPath<Record, Set<String>>) {
        let new = record[keyPath: keyPath]
        let old = original?[keyPath: keyPath] ?? []
        for element in new.subtracting(old).sorted() { builder.add(element, to: field) }
        for element in old.subtracting(new).sorted() { builder.remove(element, from: field) }
    }

    /// Adds and removes the elements of an enumeration set field that changed.
    public mutating func write<E: EnumerationValue>(_ field: String, _ keyPath: KeyPath<Record, Set<E>>) {
        let new = Set(record[keyPath: keyPath].map(\.rawValue))
        let old = Set(original?[keyPath: keyPath].map(\.rawValue) ?? [])
        for element in new.subtracting(old).sorted() { builder.add(element, to: field) }
        for element in old.subtracting(new).sorted() { builder.remove(element, from: field) }
    }

    /// Inserts, removes, moves and edits the items of a list field that changed.
    /// - Throws: ``ClientError/validationFailed(entity:record:issues:)`` when
    ///   two items share an ID or an ID is empty.
    public mutating func write<Item: ListItemRecord>(_ field: String, _ keyPath: KeyPath<Record, [Item]>) throws {
        let items = record[keyPath: keyPath]
        let old = original?[keyPath: keyPath] ?? []
        var ids = Set<String>()
        for item in items where item.id.isEmpty || !ids.insert(item.id).inserted {
            throw ClientError.validationFailed(
                entity: schema.name, record: record.id,
                issues: [
                    ValidationIssue(
                        field: field, code: .invalidItemID, message: "list items need distinct, non-empty IDs"
                    )
                ]
            )
        }
        let oldByID = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for item in old where !ids.contains(item.id) { builder.removeItem(item.id, from: field) }

        let staying = Self.itemsKeepingTheirPlace(items.map(\.id), oldOrder: old.map(\.id))
        let list = schema.field(field)
        var previous: String?
        for item in items {
            var members = MemberWriter(item: item, original: oldByID[item.id], list: list)
            item.write(to: &members)
            if oldByID[item.id] == nil {
                builder.insertItem(item.id, into: field, after: previous, members: members.members)
            } else {
                if !staying.contains(item.id) { builder.moveItem(item.id, in: field, after: previous) }
                for (member, value) in members.members.sorted(by: { $0.key < $1.key }) {
                    builder.setItem(item.id, in: field, member: member, to: value)
                }
            }
            previous = item.id
        }
    }

    private func kind(_ field: String) -> FieldKind? { schema.field(field)?.kind }

    private mutating func set(_ field: String, _ value: Value?) {
        if let value { builder.set(field, to: value) }
    }

    /// The items of `newOrder` that were already in the list and need not
    /// move: a longest run of them in their old relative order. Moving only
    /// the others keeps a reorder minimal, so it merges with concurrent moves.
    static func itemsKeepingTheirPlace(_ newOrder: [String], oldOrder: [String]) -> Set<String> {
        let oldIndex = Dictionary(oldOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let kept = newOrder.compactMap { id in oldIndex[id].map { (id: id, index: $0) } }
        // Longest increasing subsequence of old indices (patience sorting).
        var tails: [Int] = []  // positions in `kept` ending the best run of each length
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
