/// The declaration of one entity: its fields, who writes it, and its
/// business rules.
///
/// Each standard entity is declared in its own file under `Entities/` as a
/// static property and registered by one line in ``SchemaMigration/standard``.
///
/// ```swift
/// extension EntitySchema {
///     public static let team = EntitySchema(
///         "team", access: .organization, summary: "A group of users selling together.",
///         fields: [Field("name", .text(maxLength: 200)).required()]
///     )
/// }
/// ```
public struct EntitySchema: Hashable, Sendable {
    /// snake_case entity name, e.g. `"price_list"`.
    public let name: String
    /// Who writes it and whether it is shared reference data.
    public let access: EntityAccess
    /// One line of documentation.
    public let summary: String
    /// Fields in declaration order.
    public private(set) var fields: [Field]
    /// Business rules over a live record.
    public private(set) var rules: [RecordRule]

    /// Declares an entity.
    public init(_ name: String, access: EntityAccess, summary: String, fields: [Field], rules: [RecordRule] = []) {
        self.name = name
        self.access = access
        self.summary = summary
        self.fields = fields
        self.rules = rules
    }

    /// Roles that may write records of this entity.
    public var writers: Set<Role> { access.writers }

    /// Whether the entity is shared reference data, read-only for reps.
    public var isReferenceData: Bool { access == .referenceData }

    /// The field named `name`.
    public func field(_ name: String) -> Field? { fields.first { $0.name == name } }

    /// The fields a live record must hold.
    public var requiredFields: [Field] { fields.filter(\.isRequired) }

    /// Whether `name` is a valid entity name: snake_case `[a-z][a-z0-9_]*`, at most 64 bytes.
    public static func isValidName(_ name: String) -> Bool {
        let bytes = name.utf8
        guard let first = bytes.first, bytes.count <= 64, first >= 0x61, first <= 0x7A else { return false }
        return bytes.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || DecimalNumber.isDigit($0) || $0 == 0x5F }
    }

    mutating func append(_ field: Field) { fields.append(field) }

    mutating func replace(_ field: Field) {
        if let index = fields.firstIndex(where: { $0.name == field.name }) { fields[index] = field }
    }

    mutating func append(_ rule: RecordRule) { rules.append(rule) }
}
