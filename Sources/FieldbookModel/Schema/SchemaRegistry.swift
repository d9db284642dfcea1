import FieldbookSync

/// Every entity Fieldbook knows, built by folding the schema migrations.
///
/// ```swift
/// let registry = SchemaRegistry.standard
/// registry.version                       // current schema version
/// registry.entity("offer")?.field("lines")?.merge   // .orderedList
/// let v1 = try SchemaRegistry.standard(upTo: 1)     // what a version-1 client knows
/// ```
///
/// Building a registry checks the whole schema (names, kinds, references,
/// rules) after every migration, so each prefix of the history is a valid
/// schema on its own.
public struct SchemaRegistry: Hashable, Sendable {
    /// The migrations folded, oldest first.
    public let migrations: [SchemaMigration]
    /// Entities by name.
    public private(set) var entities: [String: EntitySchema]

    /// The standard Fieldbook schema at the newest version.
    public static let standard: SchemaRegistry = {
        do { return try SchemaRegistry(migrations: SchemaMigration.standard) } catch {
            preconditionFailure("the standard schema is invalid: \(error)")
        }
    }()

    /// The standard schema as of `version` (what a client at that version knows).
    /// - Throws: ``SchemaError/unknownVersion(_:newest:)`` for a version not shipped.
    public static func standard(upTo version: Int) throws(SchemaError) -> SchemaRegistry {
        guard (1...SchemaMigration.standard.count).contains(version) else {
            throw .unknownVersion(version, newest: SchemaMigration.standard.count)
        }
        return try SchemaRegistry(migrations: Array(SchemaMigration.standard.prefix(version)))
    }

    /// Builds a registry by applying `migrations` in order.
    /// - Throws: ``SchemaError`` naming the first problem and its migration.
    public init(migrations: [SchemaMigration]) throws(SchemaError) {
        self.migrations = migrations
        self.entities = [:]
        for (index, migration) in migrations.enumerated() {
            guard migration.version == index + 1 else {
                throw .versionOutOfSequence(expected: index + 1, found: migration.version)
            }
            guard !migration.additions.isEmpty else { throw .emptyMigration(version: migration.version) }
            for addition in migration.additions {
                try apply(addition, version: migration.version)
            }
            try SchemaCheck(entities: entities, version: migration.version).run()
        }
    }

    /// The newest standard schema version (what this build of Fieldbook writes).
    public static var currentVersion: Int { standard.version }

    /// The schema version: the last migration's version (0 when empty).
    public var version: Int { migrations.last?.version ?? 0 }

    /// The entity named `name`.
    public func entity(_ name: String) -> EntitySchema? { entities[name] }

    /// The entity named `name`.
    public subscript(entity name: String) -> EntitySchema? { entities[name] }

    /// Entity names, sorted.
    public var entityNames: [String] { entities.keys.sorted() }

    /// SHA-256 (hex) over the fingerprints of all migrations: equal
    /// registries have equal fingerprints (a cheap schema handshake).
    public var fingerprint: String {
        SHA256.hex(Array(migrations.map(\.fingerprint).joined(separator: "\n").utf8))
    }

    private mutating func apply(_ addition: SchemaAddition, version: Int) throws(SchemaError) {
        let name = addition.entity
        if case .entity(let schema) = addition {
            guard entities[name] == nil else { throw .duplicateEntity(name, version: version) }
            entities[name] = schema
            return
        }
        guard var schema = entities[name] else { throw .unknownEntity(name, version: version) }
        switch addition {
        case .entity:
            break
        case .fields(let fields, _):
            for field in fields { schema.append(field) }
        case .enumValues(let values, let fieldName, _):
            guard let field = schema.field(fieldName) else {
                throw .unknownField(entity: name, field: fieldName, version: version)
            }
            guard let extended = field.addingEnumValues(values) else {
                throw .invalidKind(entity: name, field: fieldName, reason: "not an enumeration", version: version)
            }
            schema.replace(extended)
        case .listMembers(let members, let listName, _):
            guard let field = schema.field(listName) else {
                throw .unknownField(entity: name, field: listName, version: version)
            }
            guard let extended = field.addingMembers(members) else {
                throw .invalidKind(entity: name, field: listName, reason: "not a list", version: version)
            }
            schema.replace(extended)
        case .rules(let rules, _):
            for rule in rules { schema.append(rule) }
        }
        entities[name] = schema
    }
}
