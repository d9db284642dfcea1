/// Names one record without its state: used for evictions in a ``PullResponse``.
///
/// ```json
/// {"entity": "account", "id": "9d2e0c51-3b7a-4f6e-a1c4-52e8b7d90f13"}
/// ```
public struct RecordRef: Hashable, Sendable, Codable {
    /// Entity type name, e.g. `"account"`.
    public var entity: String
    /// Record ID.
    public var id: String

    /// Creates a reference.
    public init(entity: String, id: String) {
        self.entity = entity
        self.id = id
    }
}
