/// One field of an entity (or one member of a list field's items).
///
/// Declared with a name and a ``FieldKind``, refined with modifiers:
///
/// ```swift
/// Field("status", .enumeration(["open", "won", "lost", "cancelled"]))
///     .required()
///     .monotonic(.workflow(opportunityWorkflow))
/// Field("finalNumber", .text(maxLength: 40)).writable(by: [.system, .office]).monotonic(.writeOnce)
/// ```
///
/// Names match `[A-Za-z_][A-Za-z0-9_]*` (camelCase by convention), at most 64
/// bytes, so every field is a valid ``Slot`` head.
public struct Field: Hashable, Sendable {
    /// The field name, used as the slot's first segment.
    public let name: String
    /// What the field holds.
    public let kind: FieldKind
    /// Whether a live record must have a value (scalar: non-null; set: at
    /// least one element; list: at least one item).
    public private(set) var isRequired: Bool = false
    /// Roles that may write the field; nil means the entity's writers.
    public private(set) var writers: Set<Role>?
    /// How the value may change over time, if restricted.
    public private(set) var monotonicity: Monotonicity?

    /// Declares a field.
    public init(_ name: String, _ kind: FieldKind) {
        self.name = name
        self.kind = kind
    }

    /// The merge this field uses (from its kind).
    public var merge: MergeStrategy { kind.merge }

    /// The list members, for a list field; empty otherwise.
    public var members: [Field] {
        if case .list(let members) = kind { return members }
        return []
    }

    /// The member named `name` of a list field.
    public func member(_ name: String) -> Field? { members.first { $0.name == name } }

    /// A copy that must hold a value.
    public func required() -> Field {
        var copy = self
        copy.isRequired = true
        return copy
    }

    /// A copy writable only by `roles` (intersected with the entity's writers).
    public func writable(by roles: Set<Role>) -> Field {
        var copy = self
        copy.writers = roles
        return copy
    }

    /// A copy whose changes follow `rule`.
    public func monotonic(_ rule: Monotonicity) -> Field {
        var copy = self
        copy.monotonicity = rule
        return copy
    }

    /// Whether `role` may write this field of an entity with `entityWriters`.
    public func isWritable(by role: Role, entityWriters: Set<Role>) -> Bool {
        entityWriters.contains(role) && (writers?.contains(role) ?? true)
    }

    /// A copy with `values` appended to its enumeration (used by migrations).
    func addingEnumValues(_ values: [String]) -> Field? {
        let extended: FieldKind
        switch kind {
        case .enumeration(let existing): extended = .enumeration(existing + values)
        case .set(of: .enumeration(let existing)): extended = .set(of: .enumeration(existing + values))
        default: return nil
        }
        return Field(name, extended).copyingModifiers(of: self)
    }

    /// A copy of a list field with `newMembers` appended (used by migrations).
    func addingMembers(_ newMembers: [Field]) -> Field? {
        guard case .list(let existing) = kind else { return nil }
        return Field(name, .list(existing + newMembers)).copyingModifiers(of: self)
    }

    private func copyingModifiers(of other: Field) -> Field {
        var copy = self
        copy.isRequired = other.isRequired
        copy.writers = other.writers
        copy.monotonicity = other.monotonicity
        return copy
    }

    /// Whether `name` is a valid field or member name.
    public static func isValidName(_ name: String) -> Bool {
        let bytes = name.utf8
        guard let first = bytes.first, bytes.count <= 64, isNameStart(first) else { return false }
        return bytes.dropFirst().allSatisfy { isNameStart($0) || DecimalNumber.isDigit($0) }
    }

    private static func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
    }
}
