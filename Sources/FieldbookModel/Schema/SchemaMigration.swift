import FieldbookSync

/// One step of schema history: a version number and what it adds.
///
/// The list of migrations (``standard``) is append-only: a shipped migration
/// is never edited or reordered, because clients in the field identify their
/// schema by version. ``fingerprint`` makes that checkable: the tests pin the
/// fingerprint of every shipped migration.
///
/// ```swift
/// SchemaMigration(2, "Contact social profiles",
///                 adds: .fields([Field("linkedIn", .text(maxLength: 200))], to: "contact"))
/// ```
public struct SchemaMigration: Hashable, Sendable {
    /// The schema version this migration produces (1, 2, 3, …).
    public let version: Int
    /// One line describing the change.
    public let summary: String
    /// What it adds, applied in order.
    public let additions: [SchemaAddition]

    /// Declares a migration.
    public init(_ version: Int, _ summary: String, adds additions: SchemaAddition...) {
        self.init(version, summary, additions: additions)
    }

    /// Declares a migration from an array of additions.
    public init(_ version: Int, _ summary: String, additions: [SchemaAddition]) {
        self.version = version
        self.summary = summary
        self.additions = additions
    }

    /// SHA-256 (hex) of the migration's canonical description: changes
    /// whenever anything it declares changes (names, kinds, limits, flags,
    /// workflows, rule codes and summaries; not rule implementations).
    public var fingerprint: String { SHA256.hex(Array(canonicalDescription.utf8)) }

    /// A deterministic text rendering of everything the migration declares.
    public var canonicalDescription: String {
        (["migration \(version) \(summary)"] + additions.map(\.canonicalDescription)).joined(separator: "\n")
    }
}
