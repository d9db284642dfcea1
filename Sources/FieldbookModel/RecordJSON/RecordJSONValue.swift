import FieldbookSync

/// A JSON value as the office REST API reads and writes it: the natural
/// JSON of a record's fields (see ``RecordJSON``).
///
/// Decoding keeps integers exact (`Int64`); a number with a fraction or an
/// exponent decodes as ``fraction(_:)`` only so that it can be refused with a
/// clear message: decimals travel as strings.
///
/// ```swift
/// let body = try JSONDecoder().decode(RecordJSONValue.self, from: data)
/// body["fields"]?["name"]        // .string("Müller GmbH")
/// ```
public enum RecordJSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case integer(Int64)
    /// A JSON number that is not a 64-bit integer (never produced by the encoder).
    case fraction(Double)
    case string(String)
    case array([RecordJSONValue])
    case object([String: RecordJSONValue])

    /// The member `key` of an object; nil for other values or a missing key.
    public subscript(key: String) -> RecordJSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// The members of an object, nil for other values.
    public var objectMembers: [String: RecordJSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The elements of an array, nil for other values.
    public var arrayElements: [RecordJSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The text of a string, nil for other values.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// A short name of the JSON type, for messages (`"a string"`, `"an array"`).
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .integer: "an integer"
        case .fraction: "a fractional number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// The JSON of a stored scalar: text-encoded kinds (decimals, dates,
    /// references, enumerations) are strings, integers numbers, booleans booleans.
    public init(_ value: Value) {
        switch value {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .int(let number): self = .integer(number)
        case .text(let text): self = .string(text)
        }
    }
}

extension RecordJSONValue: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Int64.self) {
            self = .integer(number)
        } else if let number = try? container.decode(Double.self) {
            self = .fraction(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let elements = try? container.decode([RecordJSONValue].self) {
            self = .array(elements)
        } else {
            self = .object(try container.decode([String: RecordJSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let flag): try container.encode(flag)
        case .integer(let number): try container.encode(number)
        case .fraction(let number): try container.encode(number)
        case .string(let text): try container.encode(text)
        case .array(let elements): try container.encode(elements)
        case .object(let members): try container.encode(members)
        }
    }
}
