import FieldbookModel
import FieldbookSync
import Foundation

/// Renders records for people (aligned key/value lines, local times) and for
/// scripts (JSON whose keys are the schema's field names, always present).
public struct RecordPresenter: Sendable {
    /// The schema.
    public let registry: SchemaRegistry
    /// Time zone for human output.
    public let timeZone: TimeZone

    /// Creates a presenter.
    public init(registry: SchemaRegistry, timeZone: TimeZone) {
        self.registry = registry
        self.timeZone = timeZone
    }

    /// JSON for a record: `id`, `entity`, `deleted`, `conflicts` (count), and
    /// every schema field — scalars as JSON scalars (decimals as canonical
    /// strings, times as UTC ISO 8601), sets as sorted arrays, lists as arrays
    /// of objects with `id` and the members, in list order. Unset fields are null.
    public func json(_ record: RecordState) -> JSONValue {
        var object: [String: JSONValue] = [
            "id": .string(record.id), "entity": .string(record.entity),
            "deleted": .bool(record.isDeleted), "conflicts": .int(Int64(record.conflicts.count)),
        ]
        for field in registry.entity(record.entity)?.fields ?? [] {
            switch field.kind {
            case .set:
                object[field.name] = .array(record.elements(of: field.name).map(JSONValue.string))
            case .list:
                object[field.name] = .array(
                    record.items(of: field.name).map { item in
                        var members = item.members.mapValues(Self.json)
                        members["id"] = .string(item.id)
                        return .object(members)
                    }
                )
            default:
                object[field.name] = record.value(field.name).map(Self.json) ?? .null
            }
        }
        return .object(object)
    }

    /// A JSON scalar for a sync value.
    public static func json(_ value: Value) -> JSONValue {
        switch value {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .int(let number): .int(number)
        case .text(let text): .string(text)
        }
    }

    /// Text for one value in a table or detail view (local time for instants).
    public func text(_ value: Value?, kind: FieldKind?) -> String {
        guard let value else { return "" }
        switch value {
        case .null: return ""
        case .bool(let flag): return flag ? "yes" : "no"
        case .int(let number): return String(number)
        case .text(let text):
            if case .dateTime = kind, let instant = UTCDateTime(parsing: text) {
                return DateInput.localText(of: instant, in: timeZone)
            }
            return text
        }
    }

    /// The detail view: one aligned `field: value` line per set field, lists as sub-tables.
    public func details(_ record: RecordState) -> String {
        let fields = registry.entity(record.entity)?.fields ?? []
        var lines: [(String, String)] = [("id", record.id)]
        if record.isDeleted { lines.append(("deleted", "yes")) }
        var tables: [String] = []
        for field in fields {
            switch field.kind {
            case .set:
                let elements = record.elements(of: field.name)
                if !elements.isEmpty { lines.append((field.name, elements.joined(separator: ", "))) }
            case .list(let members):
                let items = record.items(of: field.name)
                guard !items.isEmpty else { continue }
                let table = TextTable(
                    headers: members.map(\.name),
                    rows: items.map { item in members.map { text(item.members[$0.name], kind: $0.kind) } }
                )
                tables.append("\(field.name):\n" + table.render())
            default:
                let shown = text(record.value(field.name), kind: field.kind)
                if !shown.isEmpty { lines.append((field.name, shown)) }
            }
        }
        let conflicts = record.conflicts
        if !conflicts.isEmpty { lines.append(("conflicts", "\(conflicts.count) — see `fieldbook conflicts list`")) }
        let width = lines.map(\.0.count).max() ?? 0
        let body = lines.map { $0.0 + ":" + String(repeating: " ", count: width - $0.0.count + 1) + $0.1 }
        return (body + tables).joined(separator: "\n")
    }
}
