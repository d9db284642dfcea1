import FieldbookModel
import FieldbookServerCore
import FieldbookSync

/// The JSON document of one record (`Protocol/records-api.md`,
/// `Protocol/schemas/record-document.schema.json`):
///
/// ```json
/// {"entity": "account", "id": "7c1e…", "version": 42, "deleted": false,
///  "fields": {"name": "Müller GmbH", "roles": ["customer"],
///             "addresses": [{"id": "a1", "kind": "billing", "city": "Köln"}]},
///  "conflicts": [{"kind": "field", "slot": "phone", "field": "phone",
///                 "winner": {"value": "+49 30 1", "dot": "srv:7", "time": "…"},
///                 "others": [{"slot": "phone", "value": "+49 30 2", "dot": "anna-phone:3", "time": "…"}]}]}
/// ```
///
/// Field values follow ``FieldbookModel/RecordJSON``; `version` is the log
/// position of the last change merged into the record (also the `ETag`).
enum RecordDocument {
    /// The document of `record` under `schema`.
    static func json(_ record: StoredRecord, schema: EntitySchema) -> RecordJSONValue {
        let state = record.state
        return .object([
            "entity": .string(state.entity),
            "id": .string(state.id),
            "version": .integer(Int64(clamping: record.revision.rawValue)),
            "deleted": .bool(state.isDeleted),
            "fields": .object(RecordJSON.fields(of: state, schema: schema)),
            "conflicts": .array(state.conflicts.map(conflict)),
        ])
    }

    /// One open conflict: the shown entry and the entries that lost (a field
    /// conflict) or were made concurrently with the delete (`deleteEdit`).
    static func conflict(_ conflict: Conflict) -> RecordJSONValue {
        let field: RecordJSONValue = conflict.kind == .field ? .string(conflict.slot.field) : .null
        var members: [String: RecordJSONValue] = [
            "kind": .string(conflict.kind.rawValue),
            "slot": .string(conflict.slot.path),
            "field": field,
            "winner": entry(conflict.winner, slot: nil),
            "others": .array(conflict.others.map { entry($0.entry, slot: $0.slot) }),
        ]
        if conflict.kind == .field, let item = conflict.slot.element {
            members["element"] = .string(item)
            if let member = conflict.slot.member { members["member"] = .string(member) }
        }
        return .object(members)
    }

    private static func entry(_ entry: Entry, slot: Slot?) -> RecordJSONValue {
        var members: [String: RecordJSONValue] = [
            "value": RecordJSONValue(entry.value),
            "dot": .string(entry.dot.description),
            "time": .string(entry.time.description),
        ]
        if let slot { members["slot"] = .string(slot.path) }
        return .object(members)
    }
}
