import FieldbookModel
import FieldbookSync

/// Reads the typed values of one record (or of one item of a list field)
/// for ``EntityRecord/init(from:)`` and ``ListItemRecord/init(from:)``.
///
/// Reading is strict and never crashes: a missing required value throws
/// `FieldValueError.missing(field:item:)`, a stored value
/// of another kind `FieldValueError.malformed(field:item:expected:)`
/// — naming the field (and list item), never the value. Since schema
/// migrations never retype a field, either means a damaged record, not a
/// newer schema: values a newer schema adds (fields, list members,
/// enumeration values) read fine or are ignored, and saves keep them.
///
/// ```swift
/// name = try fields.required("name")
/// amount = try fields.optional("amount")      // DecimalNumber?
/// roles = try fields.set("roles")             // Set<Account.Role>
/// addresses = try fields.list("addresses")    // [Account.Address]
/// ```
public struct FieldReader: Sendable {
    private enum Source: Sendable {
        case record(RecordState)
        case item(RecordState.ListItem, field: String)
    }

    private let source: Source

    /// Reads the fields of a record.
    public init(state: RecordState) { source = .record(state) }

    /// Reads the members of an item of list field `field`.
    public init(item: RecordState.ListItem, of field: String) { source = .item(item, field: field) }

    /// The record ID, or the item ID for a list item.
    public var id: String {
        switch source {
        case .record(let state): state.id
        case .item(let item, _): item.id
        }
    }

    /// The stored value of a field (member), nil when absent or null.
    public func value(_ name: String) -> Value? {
        let value: Value?
        switch source {
        case .record(let state): value = state.value(name)
        case .item(let item, _): value = item.members[name]
        }
        return value == .null ? nil : value
    }

    /// A field that must hold a value.
    /// - Throws: `FieldValueError` when it is missing or of another kind.
    public func required<V: FieldValue>(_ name: String, as type: V.Type = V.self) throws(FieldValueError) -> V {
        guard let value = try optional(name, as: type) else { throw .missing(field: path(name), item: itemID) }
        return value
    }

    /// A field that may be empty (nil when absent or null).
    /// - Throws: `FieldValueError` when the value is of another kind.
    public func optional<V: FieldValue>(_ name: String, as type: V.Type = V.self) throws(FieldValueError) -> V? {
        guard let stored = value(name) else { return nil }
        guard let typed = V(storedValue: stored) else {
            throw .malformed(field: path(name), item: itemID, expected: V.kindName)
        }
        return typed
    }

    /// The elements of a set field of text (text, reference).
    public func set(_ name: String) -> Set<String> {
        guard case .record(let state) = source else { return [] }
        return Set(state.elements(of: name))
    }

    /// The elements of a set field of enumeration values.
    public func set<E: EnumerationValue>(_ name: String, of type: E.Type = E.self) -> Set<E> {
        Set(set(name).map(E.init(rawValue:)))
    }

    /// The items of a list field, in list order.
    /// - Throws: `FieldValueError` naming the member and item.
    public func list<Item: ListItemRecord>(_ name: String, of type: Item.Type = Item.self) throws(FieldValueError)
        -> [Item]
    {
        guard case .record(let state) = source else { return [] }
        var items: [Item] = []
        for item in state.items(of: name) {
            items.append(try Item(from: FieldReader(item: item, of: name)))
        }
        return items
    }

    /// `name`, or `list.name` for a list member (as in validation issues).
    private func path(_ name: String) -> String {
        if case .item(_, let field) = source { return field + "." + name }
        return name
    }

    private var itemID: String? {
        if case .item(let item, _) = source { return item.id }
        return nil
    }
}
