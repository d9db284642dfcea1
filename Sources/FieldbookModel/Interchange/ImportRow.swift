import FieldbookSync

/// One CSV row read and resolved: the record it writes and the values.
public struct ImportRow: Hashable, Sendable {
    /// What writing the row does to the record.
    public enum Action: String, Hashable, Sendable {
        /// A new record.
        case create
        /// An existing (or deleted, then restored) record gets new values.
        case update
        /// The record already holds every value: nothing to write.
        case unchanged
    }

    /// The 1-based line the row starts on.
    public let line: Int
    /// The record written: the `id` column, the existing record matched by
    /// the key, or an ID derived from the key (``ImportPlanner/derivedID(entity:key:)``).
    public let recordID: String
    /// Scalar field values to write (empty cells are absent: they never clear a value).
    public var values: [String: Value]
    /// Set field elements to add.
    public var elements: [String: [String]]
    /// Loose matches made while reading the row.
    public var warnings: [(column: String, message: String)]

    /// What writing the row does to `existing` (nil: no such record).
    public func action(on existing: RecordState?) -> Action {
        guard let existing, existing.exists else { return .create }
        if existing.isDeleted { return .update }
        for (field, value) in values where existing.value(field) != value { return .update }
        for (field, items) in elements {
            let present = Set(existing.elements(of: field))
            if items.contains(where: { !present.contains($0) }) { return .update }
        }
        return .unchanged
    }

    /// Writes the row's differences from the builder's state into `builder`.
    public func fill(_ builder: inout ChangeBuilder) {
        let state = builder.state
        if state.isDeleted { builder.restore() }
        for field in values.keys.sorted() where state.value(field) != values[field] {
            builder.set(field, to: values[field]!)
        }
        for field in elements.keys.sorted() {
            let present = Set(state.elements(of: field))
            for element in elements[field]! where !present.contains(element) { builder.add(element, to: field) }
        }
    }

    public static func == (lhs: ImportRow, rhs: ImportRow) -> Bool {
        lhs.line == rhs.line && lhs.recordID == rhs.recordID && lhs.values == rhs.values && lhs.elements == rhs.elements
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(line)
        hasher.combine(recordID)
    }
}
