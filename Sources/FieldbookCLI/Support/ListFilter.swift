import FieldbookClient
import FieldbookModel
import FieldbookSync
import Foundation

/// Filters for `<noun> list`, built from typed options and checked through
/// the schema like any input: `--status op` means `open`, an unknown value
/// is a usage error naming the allowed ones, and several values may be
/// given separated by commas (`--status new,in_progress`).
struct ListFilter {
    private var conditions: [(RecordState) -> Bool] = []
    private let support: RecordCommandSupport
    private let schema: EntitySchema

    /// A filter for records of `entity`.
    init(_ entity: String, support: RecordCommandSupport) throws {
        self.support = support
        self.schema = try support.context.database.schema(entity)
    }

    /// Keeps records whose `field` holds one of the values in `text` (nil: no
    /// condition). `aliases` map a word to several values, e.g. a ticket's
    /// `open` to `new, in_progress, waiting`.
    mutating func equals(_ field: String, _ text: String?, aliases: [String: [String]] = [:]) throws {
        guard let text, let definition = schema.field(field) else { return }
        var wanted = Set<Value>()
        for word in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            for value in aliases[word.lowercased()] ?? [word] {
                wanted.insert(try support.input.value(value, for: definition))
            }
        }
        conditions.append { record in wanted.contains(record.value(field) ?? .null) }
    }

    /// Keeps records whose date `field` is set and on or before the date in `text`.
    mutating func onOrBefore(_ field: String, _ text: String?) throws {
        guard let text, let definition = schema.field(field) else { return }
        guard let bound = try support.input.value(text, for: definition).text else { return }
        conditions.append { record in
            guard let value = record.value(field)?.text else { return false }
            return value.utf8.lexicographicallyPrecedes(bound.utf8) || value == bound
        }
    }

    /// The records meeting every condition, in their order.
    func apply(_ records: [RecordState]) -> [RecordState] {
        records.filter { record in conditions.allSatisfy { $0(record) } }
    }
}

extension RecordCommandSupport {
    /// Prints records as a table of `columns` (field names) or, with
    /// `--json`, the usual JSON array. Reference columns show the referenced
    /// record's name (its ID when it is not on this device).
    func showList(_ records: [RecordState], columns: [String], empty: String) {
        guard !context.json else {
            show(records, columns: columns, empty: empty)
            return
        }
        let schema = records.first.flatMap { context.database.registry.entity($0.entity) }
        var labels: [String: String] = [:]
        let rows = records.map { record in
            [record.id] + columns.map { column -> String in
                let kind = schema?.field(column)?.kind
                if case .reference = kind, let target = record.value(column)?.text {
                    if let known = labels[target] { return known }
                    let name = label(of: target)
                    labels[target] = name
                    return name
                }
                return presenter.text(record.value(column), kind: kind)
            }
        }
        let table = TextTable(headers: ["ID"] + columns.map { Self.heading($0) }, rows: rows)
        context.emit(.array(records.map(presenter.json)), human: records.isEmpty ? empty : table.render())
    }

    /// A short human name for record `id`: its name, subject or person's name; the ID when unknown.
    func label(of id: String) -> String {
        guard let record = try? context.database.record(id) else { return id }
        func text(_ field: String) -> String? {
            guard let value = record.value(field)?.text, !value.isEmpty else { return nil }
            return value
        }
        let person = [text("firstName"), text("lastName")].compactMap { $0 }.joined(separator: " ")
        return text("name") ?? text("displayName") ?? text("companyName") ?? (person.isEmpty ? nil : person)
            ?? text("subject") ?? text("number") ?? id
    }

    /// `expectedCloseDate` → `EXPECTED CLOSE DATE`.
    static func heading(_ field: String) -> String {
        var words = ""
        for character in field {
            if character.isUppercase { words.append(" ") }
            words.append(character)
        }
        return words.uppercased()
    }

    /// Sets `field` to `value` in `values` unless the user gave it or the record already holds one.
    static func defaulting(
        _ values: inout [String: String], _ field: String, to value: String, unlessIn record: RecordState? = nil
    ) {
        guard values[field] == nil else { return }
        if let existing = record?.value(field), existing != .null { return }
        values[field] = value
    }
}
