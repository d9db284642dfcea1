import FieldbookModel
import FieldbookSync

/// A typed item of an ordered-list field, e.g. ``Offer/Line`` or
/// ``Account/Address``.
///
/// The item ID is stable across edits and moves; a new item gets a fresh
/// one (`ClientDatabase.newRecordID()` by default). Saving a record compares
/// its items with those it was read with: new items are inserted at their
/// place, removed ones removed, moved ones moved, and of the others only
/// the members that changed are written.
public protocol ListItemRecord: Hashable, Sendable, Identifiable where ID == String {
    /// The item ID.
    var id: String { get }

    /// Reads the item's members.
    /// - Throws: `FieldValueError` naming the member and item.
    init(from members: FieldReader) throws(FieldValueError)

    /// Writes the item's members through `members`, which skips those equal
    /// to the values read.
    func write(to members: inout MemberWriter<Self>)
}

/// Collects the members of one list item that differ from the item as
/// read; see ``ListItemRecord/write(to:)``.
///
/// ```swift
/// members.write("product", \.product)
/// members.write("discountPercent", \.discountPercent)
/// ```
public struct MemberWriter<Item: ListItemRecord> {
    /// The item being saved.
    public let item: Item
    /// The item as read, nil for a new item.
    public let original: Item?
    /// The list field, for member kinds (decimal scales); nil when unknown.
    let list: Field?
    /// The member values to write, by member name.
    public private(set) var members: [String: Value] = [:]

    init(item: Item, original: Item?, list: Field?) {
        self.item = item
        self.original = original
        self.list = list
    }

    /// Writes an optional member if it changed (nil clears it).
    public mutating func write<V: FieldValue>(_ member: String, _ keyPath: KeyPath<Item, V?>) {
        let kind = list?.member(member)?.kind
        if let value = FieldDiff.change(item[keyPath: keyPath], original?[keyPath: keyPath], kind: kind) {
            members[member] = value
        }
    }

    /// Writes a required member if it changed.
    public mutating func write<V: FieldValue>(_ member: String, _ keyPath: KeyPath<Item, V>) {
        let kind = list?.member(member)?.kind
        if let value = FieldDiff.change(item[keyPath: keyPath], original?[keyPath: keyPath], kind: kind) {
            members[member] = value
        }
    }
}

/// The comparison behind every typed write.
enum FieldDiff {
    /// The value to write for a field now `new` and read as `old`: nil when
    /// they are equal (nothing to write), `.null` when the field was cleared.
    static func change<V: FieldValue>(_ new: V?, _ old: V?, kind: FieldKind?) -> Value? {
        guard new != old else { return nil }
        return new?.storedValue(for: kind) ?? .null
    }
}
