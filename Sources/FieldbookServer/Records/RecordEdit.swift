import FieldbookModel
import FieldbookProtocol
import FieldbookSync
import Foundation
import HTTPTypes

/// A create or patch body, checked against the entity's schema and turned
/// into stored values, ready to be written onto whatever state the record
/// has when the change is built (``apply(to:)``).
///
/// Body members (`Protocol/records-api.md`):
/// - `fields`: field → JSON value. A scalar is set (`null` clears); a set
///   field's array replaces the set; a list field's array replaces the list
///   (items matched by `"id"`, members left out are cleared, items without
///   an ID are new).
/// - `add` / `remove` (patch only): set field → elements to add or remove.
/// - `items` (patch only): list field → operations `insert`, `update`, `move`, `remove`.
struct RecordEdit: Sendable {
    /// Where an inserted or moved list item goes.
    enum Anchor: Hashable, Sendable {
        case start
        case end
        case after(String)
    }

    /// One operation on a list field.
    enum ListOperation: Hashable, Sendable {
        case insert(id: String, anchor: Anchor, members: [String: Value])
        case update(id: String, members: [String: Value])
        case move(id: String, anchor: Anchor)
        case remove(id: String)
    }

    /// One item of a list given whole: its ID and every member given.
    struct ListItemInput: Hashable, Sendable {
        var id: String
        var isNew: Bool
        var members: [String: Value]
    }

    /// Most set elements, list items and list operations one body may hold.
    static let maxParts = 1000

    let schema: EntitySchema
    var scalars: [String: Value] = [:]
    var sets: [String: [String]] = [:]
    var lists: [String: [ListItemInput]] = [:]
    var additions: [String: [String]] = [:]
    var removals: [String: [String]] = [:]
    var listOperations: [String: [ListOperation]] = [:]
    private var parts = 0

    /// Reads `body`; `allowed` are the top-level members accepted besides `fields`.
    /// - Throws: ``RecordAPIError``: 400 for the wrong shape, 422 for unknown
    ///   fields and values of the wrong JSON type.
    init(body: [String: RecordJSONValue], schema: EntitySchema, allowed: Set<String>) throws {
        self.schema = schema
        for key in body.keys where key != "fields" && !allowed.contains(key) {
            let shown = Field.isValidName(key) ? "\"\(key)\"" : "a member"
            throw RecordAPIError.invalidRequest("the body has \(shown), which this request does not take")
        }
        if let fields = body["fields"] { try readFields(try Self.object(fields, "fields")) }
        if let add = body["add"] { try readElements(try Self.object(add, "add"), into: \.additions, what: "add") }
        if let remove = body["remove"] {
            try readElements(try Self.object(remove, "remove"), into: \.removals, what: "remove")
        }
        if let items = body["items"] { try readListOperations(try Self.object(items, "items")) }
    }

    /// Whether the body edits nothing.
    var isEmpty: Bool {
        scalars.isEmpty && sets.isEmpty && lists.isEmpty && additions.isEmpty && removals.isEmpty
            && listOperations.isEmpty
    }

    /// Every field the body writes, in any of its members.
    var touchedFields: Set<String> {
        Set(scalars.keys).union(sets.keys).union(lists.keys).union(additions.keys).union(removals.keys)
            .union(listOperations.keys)
    }

    // MARK: Reading

    private mutating func readFields(_ fields: [String: RecordJSONValue]) throws {
        for (name, json) in fields {
            let field = try self.field(name)
            switch field.kind {
            case .set:
                let elements = json == .null ? [] : try Self.array(json, name)
                try count(elements.count)
                sets[name] = try elements.map { (element) throws(RecordAPIError) in try Self.element(element, of: field) }
            case .list:
                let items = json == .null ? [] : try Self.array(json, name)
                try count(items.count)
                lists[name] = try readItems(items, of: field)
            default:
                do { scalars[name] = try RecordJSON.value(json, for: field) } catch { throw RecordAPIError.invalidValue(error) }
            }
        }
    }

    private func readItems(_ items: [RecordJSONValue], of field: Field) throws -> [ListItemInput] {
        var result: [ListItemInput] = []
        var seen = Set<String>()
        for json in items {
            var members = try Self.object(json, field.name + " items")
            let given = members.removeValue(forKey: RecordJSON.itemIDKey)
            let id = try given.map { try Self.itemID($0, of: field) } ?? Self.newID()
            guard seen.insert(id).inserted else {
                throw RecordAPIError(.unprocessableContent, .invalidValue, "\(field.name): two items share the ID \(id)")
            }
            result.append(ListItemInput(id: id, isNew: given == nil, members: try memberValues(members, of: field)))
        }
        return result
    }

    private mutating func readElements(
        _ body: [String: RecordJSONValue], into target: WritableKeyPath<RecordEdit, [String: [String]]>, what: String
    ) throws {
        for (name, json) in body {
            let field = try self.field(name)
            guard case .set = field.kind else { throw RecordAPIError.invalidRequest("\(what): \(name) is not a set field") }
            try checkOnce(name)
            let elements = try Self.array(json, name)
            try count(elements.count)
            let texts = try elements.map { (element) throws(RecordAPIError) in try Self.element(element, of: field) }
            let other = what == "add" ? removals[name] : additions[name]
            if let other, !Set(other).isDisjoint(with: texts) {
                throw RecordAPIError.invalidRequest("\(name): an element is both added and removed")
            }
            self[keyPath: target][name] = texts
        }
    }

    private mutating func readListOperations(_ body: [String: RecordJSONValue]) throws {
        for (name, json) in body {
            let field = try self.field(name)
            guard case .list = field.kind else { throw RecordAPIError.invalidRequest("items: \(name) is not a list field") }
            try checkOnce(name)
            let operations = try Self.array(json, name)
            try count(operations.count)
            listOperations[name] = try operations.map { try listOperation($0, of: field) }
        }
    }

    private func listOperation(_ json: RecordJSONValue, of field: Field) throws -> ListOperation {
        let body = try Self.object(json, "items.\(field.name)")
        let allowed: Set<String> = ["op", "id", "after", "values"]
        guard body.keys.allSatisfy(allowed.contains), let op = body["op"]?.stringValue else {
            throw RecordAPIError.invalidRequest("items.\(field.name): each operation is {op, id, after, values}")
        }
        let id = try body["id"].map { try Self.itemID($0, of: field) }
        let members = try body["values"].map { try memberValues(try Self.object($0, "values"), of: field) }
        let anchor = try body["after"].map { json throws -> Anchor in
            json == .null ? .start : .after(try Self.itemID(json, of: field))
        }
        switch (op, id) {
        case ("insert", _): return .insert(id: id ?? Self.newID(), anchor: anchor ?? .end, members: members ?? [:])
        case ("update", let id?): return .update(id: id, members: members ?? [:])
        case ("move", let id?): return .move(id: id, anchor: anchor ?? .end)
        case ("remove", let id?): return .remove(id: id)
        default:
            throw RecordAPIError.invalidRequest(
                "items.\(field.name): op is insert, update, move or remove; all but insert need an id"
            )
        }
    }

    private func memberValues(_ members: [String: RecordJSONValue], of list: Field) throws -> [String: Value] {
        var values: [String: Value] = [:]
        for (name, json) in members {
            guard let member = list.member(name) else {
                throw RecordAPIError.unknownField(name, entity: "\(schema.name).\(list.name)")
            }
            do { values[name] = try RecordJSON.value(json, for: member, in: list) } catch {
                throw RecordAPIError.invalidValue(error)
            }
        }
        return values
    }

    // MARK: Helpers

    private func field(_ name: String) throws(RecordAPIError) -> Field {
        guard let field = schema.field(name) else { throw RecordAPIError.unknownField(name, entity: schema.name) }
        return field
    }

    /// A field given whole in `fields` takes no element or item edits too.
    private func checkOnce(_ name: String) throws(RecordAPIError) {
        if sets[name] != nil || lists[name] != nil {
            throw RecordAPIError.invalidRequest("field \(name) is given whole and edited piecewise in one body")
        }
    }

    private mutating func count(_ added: Int) throws(RecordAPIError) {
        parts += added
        if parts > Self.maxParts {
            throw RecordAPIError(
                .contentTooLarge, .tooManyElements,
                "at most \(Self.maxParts) set elements, list items and list operations per request"
            )
        }
    }

    private static func object(_ json: RecordJSONValue, _ what: String) throws(RecordAPIError) -> [String: RecordJSONValue] {
        guard let members = json.objectMembers else { throw RecordAPIError.invalidRequest("\(what) must be an object") }
        return members
    }

    private static func array(_ json: RecordJSONValue, _ what: String) throws(RecordAPIError) -> [RecordJSONValue] {
        guard let elements = json.arrayElements else { throw RecordAPIError.invalidRequest("\(what) must be an array") }
        return elements
    }

    private static func element(_ json: RecordJSONValue, of field: Field) throws(RecordAPIError) -> String {
        do { return try RecordJSON.element(json, of: field) } catch { throw RecordAPIError.invalidValue(error) }
    }

    private static func itemID(_ json: RecordJSONValue, of field: Field) throws(RecordAPIError) -> String {
        guard let id = json.stringValue, RecordID.isWellFormed(id) else {
            throw RecordAPIError(
                .unprocessableContent, .invalidValue, "\(field.name): item IDs are record IDs (1–128 of A–Z a–z 0–9 _ - . :)"
            )
        }
        return id
    }

    /// A new record or item ID: a lowercase UUID.
    static func newID() -> String { UUID().uuidString.lowercased() }
}
