import FieldbookModel

/// The schema versions a server accepts, each with its registry (SYNC.md §10):
/// pushed changes are validated against the client's version.
///
/// ```swift
/// let catalog = SchemaCatalog.standard(minimumVersion: 2)
/// catalog.registry(for: 1)   // nil: answer unsupported_schema_version
/// ```
public struct SchemaCatalog: Sendable {
    /// Registries by schema version.
    public let registries: [Int: SchemaRegistry]

    /// Creates a catalog from registries (their versions must be distinct).
    public init(_ registries: [SchemaRegistry]) {
        self.registries = Dictionary(registries.map { ($0.version, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The standard schema at every shipped version from `minimumVersion` on.
    public static func standard(minimumVersion: Int = 1) -> SchemaCatalog {
        let newest = SchemaRegistry.currentVersion
        let versions = max(1, minimumVersion)...max(1, newest)
        return SchemaCatalog(versions.compactMap { version in try? SchemaRegistry.standard(upTo: version) })
    }

    /// The registry for a client at `version`, or nil when not served.
    public func registry(for version: Int) -> SchemaRegistry? { registries[version] }

    /// The versions served, lowest first.
    public var versions: [Int] { registries.keys.sorted() }
}
