/// What one schema migration adds. Migrations only ever add: a field is
/// never removed, renamed or retyped, so data written under an older schema
/// stays valid and older clients keep syncing (they preserve what they do not know).
public enum SchemaAddition: Hashable, Sendable {
    /// A new entity.
    case entity(EntitySchema)
    /// New fields appended to an existing entity.
    case fields([Field], to: String)
    /// New allowed values for an enumeration field (or a set of enumeration values).
    case enumValues([String], field: String, of: String)
    /// New members for the items of a list field.
    case listMembers([Field], list: String, of: String)
    /// New business rules for an existing entity.
    case rules([RecordRule], to: String)

    /// The entity this addition concerns.
    public var entity: String {
        switch self {
        case .entity(let schema): schema.name
        case .fields(_, let entity), .enumValues(_, _, let entity), .listMembers(_, _, let entity),
            .rules(_, let entity):
            entity
        }
    }
}
