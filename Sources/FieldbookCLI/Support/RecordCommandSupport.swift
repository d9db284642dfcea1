import FieldbookClient
import FieldbookModel
import FieldbookSync
import Foundation

/// The shared work behind every noun's `add`, `list`, `show`, `edit` and
/// `delete`: converting typed input through the schema, writing through the
/// client database, and presenting results as tables or JSON.
public struct RecordCommandSupport: Sendable {
    /// The open context.
    public let context: CLIContext

    /// Creates the support for a context.
    public init(context: CLIContext) { self.context = context }

    /// Converts user input for the fields of `entity`.
    public var input: FieldInput { FieldInput(timeZone: context.timeZone, now: context.now) }

    /// Presents records.
    public var presenter: RecordPresenter {
        RecordPresenter(registry: context.database.registry, timeZone: context.timeZone)
    }

    /// Parses `field=value` pairs from `--set` options.
    public static func assignments(_ pairs: [String]) throws -> [String: String] {
        var result: [String: String] = [:]
        for pair in pairs {
            guard let equals = pair.firstIndex(of: "=") else {
                throw CLIError("--set expects field=value, got \(pair.prefix(40))", exitCode: 2)
            }
            result[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
        }
        return result
    }

    /// Writes `values` (field → typed text) and set elements into the builder.
    public func apply(
        _ values: [String: String], adding: [String: [String]] = [:], removing: [String: [String]] = [:],
        entity: String, to builder: inout ChangeBuilder
    ) throws {
        let schema = try context.database.schema(entity)
        for (name, text) in values.sorted(by: { $0.key < $1.key }) {
            guard let field = schema.field(name) else {
                let known = schema.fields.filter(\.kind.isScalar).map(\.name).joined(separator: ", ")
                throw CLIError("\(entity) has no field \(name); fields: \(known)", exitCode: 2)
            }
            builder.set(name, to: try input.value(text, for: field))
        }
        for (name, elements) in adding { for element in elements { builder.add(element, to: name) } }
        for (name, elements) in removing { for element in elements { builder.remove(element, from: name) } }
    }

    /// Creates a record of `entity` from typed input and returns it.
    public func create(
        _ entity: String, id: String = ClientDatabase.newRecordID(), values: [String: String],
        adding: [String: [String]] = [:]
    ) throws -> RecordState {
        try context.database.write(as: context.role) { transaction in
            try transaction.edit(entity, id) { builder in try apply(values, adding: adding, entity: entity, to: &builder) }
        }
    }

    /// Updates a record of `entity`; only the given fields are written.
    public func update(
        _ entity: String, id: String, values: [String: String], adding: [String: [String]] = [:],
        removing: [String: [String]] = [:]
    ) throws -> RecordState {
        _ = try require(entity, id)
        return try context.database.write(as: context.role) { transaction in
            try transaction.edit(entity, id) { builder in
                try apply(values, adding: adding, removing: removing, entity: entity, to: &builder)
            }
        }
    }

    /// The live record `id` of `entity`, or a not-found error (exit code 3).
    public func require(_ entity: String, _ id: String) throws -> RecordState {
        guard let record = try context.database.record(id), record.entity == entity, !record.isDeleted else {
            throw CLIError.notFound(entity, id)
        }
        return record
    }

    /// Live records of `entity` matching `search` in any text field
    /// (case- and accent-insensitive), sorted by `sortField` then ID.
    public func list(_ entity: String, search: String? = nil, sortField: String? = nil) throws -> [RecordState] {
        let schema = try context.database.schema(entity)
        let textFields = schema.fields.filter { $0.kind.isTextEncoded && $0.kind.isScalar }.map(\.name)
        var records = try context.database.records(entity)
        if let search, !search.isEmpty {
            records = records.filter { record in
                textFields.contains { name in
                    record.value(name)?.text?.range(of: search, options: [.caseInsensitive, .diacriticInsensitive]) != nil
                }
            }
        }
        return records.sorted { lhs, rhs in
            let left = sortField.flatMap { lhs.value($0)?.text } ?? ""
            let right = sortField.flatMap { rhs.value($0)?.text } ?? ""
            return left != right ? left.localizedStandardCompare(right) == .orderedAscending : lhs.id < rhs.id
        }
    }

    /// Prints one record (detail view or JSON).
    public func show(_ record: RecordState) {
        context.emit(presenter.json(record), human: presenter.details(record))
    }

    /// Prints records as a table of `columns` (field names) or a JSON array.
    public func show(_ records: [RecordState], columns: [String], empty: String) {
        let schema = records.first.flatMap { context.database.registry.entity($0.entity) }
        let table = TextTable(
            headers: ["ID"] + columns.map { $0.uppercased() },
            rows: records.map { record in
                [record.id] + columns.map { presenter.text(record.value($0), kind: schema?.field($0)?.kind) }
            }
        )
        context.emit(.array(records.map(presenter.json)), human: records.isEmpty ? empty : table.render())
    }

    /// Deletes a record (a tombstone that syncs) and confirms.
    public func delete(_ entity: String, _ id: String) throws {
        _ = try require(entity, id)
        let record = try context.database.write { transaction in try transaction.delete(entity, id) }
        context.emit(["id": .string(id), "deleted": .bool(record.isDeleted)], human: "Deleted \(entity) \(id).")
    }
}
