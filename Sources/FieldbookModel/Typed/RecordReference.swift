import FieldbookSync

/// A record ID written into a reference field (or reference set element, or
/// reference list member) by a change.
///
/// The validator checks that references are well-formed; whether the target
/// exists, has the right entity and lies in the writer's scope needs the
/// store, so the server checks the references this returns.
///
/// ```swift
/// for reference in RecordReference.all(in: change, schema: offerSchema) {
///     guard try store.exists(reference.target, id: reference.id, visibleTo: user) else { … }
/// }
/// ```
public struct RecordReference: Hashable, Sendable {
    /// The field holding the reference.
    public var field: String
    /// The list member holding it, for list fields.
    public var member: String?
    /// The entity the reference must point to.
    public var target: String
    /// The referenced record ID.
    public var id: String

    /// Creates a reference.
    public init(field: String, member: String? = nil, target: String, id: String) {
        self.field = field
        self.member = member
        self.target = target
        self.id = id
    }

    /// Every reference a change writes (removals and nulls excluded), in slot order.
    /// Unknown fields are skipped.
    public static func all(in change: Change, schema: EntitySchema) -> [RecordReference] {
        change.ops.compactMap { op -> RecordReference? in
            guard let value = op.value, let field = schema.field(op.slot.field) else { return nil }
            switch (field.kind, op.slot.element, op.slot.member) {
            case (.reference(let target), nil, nil):
                return value.text.map { RecordReference(field: field.name, target: target, id: $0) }
            case (.set(of: .reference(let target)), let element?, nil) where value == .bool(true):
                return RecordReference(field: field.name, target: target, id: element)
            case (.list, _?, let member?):
                guard case .reference(let target)? = field.member(member)?.kind, let id = value.text else { return nil }
                return RecordReference(field: field.name, member: member, target: target, id: id)
            default:
                return nil
            }
        }
    }
}
