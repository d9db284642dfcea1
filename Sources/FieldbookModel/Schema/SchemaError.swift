/// Why a list of migrations does not form a valid schema. Raised when a
/// registry is built; every case names the migration version and the
/// entity/field involved.
public enum SchemaError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Versions must start at 1 and increase by exactly 1.
    case versionOutOfSequence(expected: Int, found: Int)
    /// A schema version that does not exist (yet).
    case unknownVersion(Int, newest: Int)
    /// A migration that adds nothing.
    case emptyMigration(version: Int)
    /// An entity name that is not snake_case `[a-z][a-z0-9_]*` (≤ 64 bytes).
    case invalidEntityName(String, version: Int)
    /// A field or member name that is not `[A-Za-z_][A-Za-z0-9_]*` (≤ 64 bytes).
    case invalidFieldName(entity: String, field: String, version: Int)
    /// An entity added twice.
    case duplicateEntity(String, version: Int)
    /// A field or list member declared twice.
    case duplicateField(entity: String, field: String, version: Int)
    /// A migration extends an entity that does not exist (yet).
    case unknownEntity(String, version: Int)
    /// A migration or rule names a field the entity does not have.
    case unknownField(entity: String, field: String, version: Int)
    /// A field's kind is not usable; `reason` explains.
    case invalidKind(entity: String, field: String, reason: String, version: Int)
    /// A reference points to an entity that does not exist at that version.
    case unknownReferenceTarget(entity: String, field: String, target: String, version: Int)

    public var description: String {
        switch self {
        case .versionOutOfSequence(let expected, let found):
            "schema migration version \(found) out of sequence: expected \(expected)"
        case .unknownVersion(let version, let newest):
            "unknown schema version \(version); the newest is \(newest)"
        case .emptyMigration(let version):
            "schema migration \(version) adds nothing"
        case .invalidEntityName(let name, let version):
            "migration \(version): invalid entity name '\(name)'"
        case .invalidFieldName(let entity, let field, let version):
            "migration \(version): invalid field name '\(field)' in \(entity)"
        case .duplicateEntity(let name, let version):
            "migration \(version): entity \(name) already exists"
        case .duplicateField(let entity, let field, let version):
            "migration \(version): field \(entity).\(field) already exists"
        case .unknownEntity(let name, let version):
            "migration \(version): unknown entity \(name)"
        case .unknownField(let entity, let field, let version):
            "migration \(version): unknown field \(entity).\(field)"
        case .invalidKind(let entity, let field, let reason, let version):
            "migration \(version): field \(entity).\(field): \(reason)"
        case .unknownReferenceTarget(let entity, let field, let target, let version):
            "migration \(version): field \(entity).\(field) references unknown entity \(target)"
        }
    }
}
