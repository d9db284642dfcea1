import FieldbookSync

/// The natural JSON of a record's fields, driven by the schema's field kinds:
/// one encoding for the office REST API and anyone else who shows records as JSON.
///
/// | kind | JSON |
/// |---|---|
/// | text, email, phone, enumeration, reference | string |
/// | integer | number (64-bit integer) |
/// | decimal (money, percent, quantity) | string, canonical at the field's scale (`"12.50"`); on input also an integer |
/// | date | string `YYYY-MM-DD` |
/// | dateTime | string `YYYY-MM-DDTHH:MM:SSZ` (UTC) |
/// | bool | boolean |
/// | set | array of element strings, sorted bytewise |
/// | list | array of objects in list order: `"id"` (the item ID) plus the members holding a value |
///
/// A field without a value (never written, cleared, empty set or list) is
/// left out of ``fields(of:schema:)``; on input `null` clears a scalar.
/// Decoding converts the JSON type only: range, format, length and
/// enumeration checks stay with the ``SchemaValidator``, so every writer is
/// checked the same way.
///
/// ```swift
/// let fields = RecordJSON.fields(of: state, schema: .account)   // ["name": .string("Müller GmbH"), …]
/// let value = try RecordJSON.value(.string("12.5"), for: Field("price", .money))   // .text("12.50")
/// ```
public enum RecordJSON {
    /// The key holding a list item's ID in its JSON object.
    public static let itemIDKey = "id"

    /// The fields of `state` that hold a value, keyed by field name (fields
    /// the schema does not declare are left out).
    public static func fields(of state: RecordState, schema: EntitySchema) -> [String: RecordJSONValue] {
        var result: [String: RecordJSONValue] = [:]
        for field in schema.fields {
            switch field.kind {
            case .set:
                let elements = state.elements(of: field.name)
                if !elements.isEmpty { result[field.name] = .array(elements.map(RecordJSONValue.string)) }
            case .list:
                let items = state.items(of: field.name)
                if !items.isEmpty { result[field.name] = .array(items.map(item)) }
            default:
                if let value = state.value(field.name), value != .null { result[field.name] = RecordJSONValue(value) }
            }
        }
        return result
    }

    /// The JSON object of a list item: its ID and the members holding a value.
    public static func item(_ item: RecordState.ListItem) -> RecordJSONValue {
        var members: [String: RecordJSONValue] = [itemIDKey: .string(item.id)]
        for (name, value) in item.members where value != .null { members[name] = RecordJSONValue(value) }
        return .object(members)
    }

    /// The stored value for `json` in a scalar field of `field`'s kind, or
    /// (with `list`) in the list member `field` of the list field `list`.
    /// `null` clears (gives `.null`).
    /// - Throws: ``RecordJSONError`` when the JSON type does not fit the kind
    ///   (sets and lists are not scalars).
    public static func value(
        _ json: RecordJSONValue, for field: Field, in list: Field? = nil
    ) throws(RecordJSONError) -> Value {
        if json == .null { return .null }
        let member = list == nil ? nil : field.name
        let kind = field.kind
        let field = list ?? field
        switch kind {
        case .text, .email, .phone, .enumeration, .reference, .date, .dateTime:
            guard case .string(let text) = json else { throw RecordJSONError(field: field, member, "a string") }
            return .text(text)
        case .integer:
            guard case .integer(let number) = json else { throw RecordJSONError(field: field, member, "an integer") }
            return .int(number)
        case .bool:
            guard case .bool(let flag) = json else { throw RecordJSONError(field: field, member, "true or false") }
            return .bool(flag)
        case .decimal(let scale, _):
            return try decimal(json, scale: scale, field: field, member: member)
        case .set, .list:
            throw RecordJSONError(field: field, member, "a scalar (this field holds several values)")
        }
    }

    /// The element text for `json` in a set field `field` (decimals canonical at their scale).
    /// - Throws: ``RecordJSONError`` when `field` is no set or `json` no string.
    public static func element(_ json: RecordJSONValue, of field: Field) throws(RecordJSONError) -> String {
        guard case .set(let kind) = field.kind else { throw RecordJSONError(field: field, nil, "no set elements") }
        if case .decimal(let scale, _) = kind {
            if let text = try decimal(json, scale: scale, field: field, member: nil).text { return text }
        }
        guard case .string(let text) = json else { throw RecordJSONError(field: field, nil, "strings as elements") }
        return text
    }

    /// A decimal from a string or an integer, canonical at `scale` when that
    /// loses nothing; otherwise the text as sent, which validation refuses
    /// (`decimal_not_canonical`) rather than rounding silently.
    private static func decimal(
        _ json: RecordJSONValue, scale: Int, field: Field, member: String?
    ) throws(RecordJSONError) -> Value {
        let number: DecimalNumber
        switch json {
        case .integer(let integer):
            number = DecimalNumber(integer)
        case .string(let text):
            guard let parsed = try? DecimalNumber(parsing: text) else { return .text(text) }
            number = parsed
        default:
            throw RecordJSONError(field: field, member, "a decimal as a string such as \"12.50\"")
        }
        return (try? number.value(scale: scale)) ?? .text(number.description)
    }
}

extension RecordJSONError {
    fileprivate init(field: Field, _ member: String?, _ expected: String) {
        self.init(field: field.name, member: member, expected: expected)
    }
}
