/// An atomic edit of one record by one replica: the unit of sync.
///
/// A change is identified by its ``dot`` (replica and per-replica counter);
/// applying the same change twice, or in any order relative to other changes,
/// yields the same record (see ``RecordState/apply(_:stable:)``).
///
/// ```json
/// {"entity": "account", "record": "0b9c…", "dot": "rep-anna:17",
///  "time": "019ab2c3d4e50000",
///  "ops": [{"slot": "name", "value": "Müller GmbH", "supersedes": ["server:3"]}]}
/// ```
public struct Change: Hashable, Sendable, Codable, Identifiable {
    /// Entity type name from the schema registry, e.g. `"account"`.
    public var entity: String
    /// ID of the record changed.
    public var record: String
    /// Unique identity of the change.
    public var dot: Dot
    /// Hybrid logical time at which the change was made (tie-breaks only).
    public var time: HybridTimestamp
    /// The slot writes, at most one per slot, sorted by slot.
    public private(set) var ops: [Operation]

    /// Creates a change; operations are sorted by slot.
    public init(entity: String, record: String, dot: Dot, time: HybridTimestamp, ops: [Operation]) {
        self.entity = entity
        self.record = record
        self.dot = dot
        self.time = time
        self.ops = ops.sorted { $0.slot < $1.slot }
    }

    enum CodingKeys: String, CodingKey { case entity, record, dot, time, ops }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            entity: try container.decode(String.self, forKey: .entity),
            record: try container.decode(String.self, forKey: .record),
            dot: try container.decode(Dot.self, forKey: .dot),
            time: try container.decode(HybridTimestamp.self, forKey: .time),
            ops: try container.decode([Operation].self, forKey: .ops)
        )
    }

    /// The change's identity: its dot.
    public var id: Dot { dot }

    /// Checks the structural rules every receiver enforces before applying.
    /// - Throws: ``SyncError/invalidChange(dot:reason:)`` naming the rule broken.
    public func validateStructure() throws(SyncError) {
        if ops.isEmpty { throw .invalidChange(dot: dot, reason: "no operations") }
        if record.isEmpty || record.utf8.count > 128 {
            throw .invalidChange(dot: dot, reason: "record ID must be 1–128 bytes")
        }
        if entity.isEmpty || entity.utf8.count > 64 {
            throw .invalidChange(dot: dot, reason: "entity name must be 1–64 bytes")
        }
        for (index, op) in ops.enumerated() {
            // `ops` is sorted by slot (the initialiser sorts), so a repeat is adjacent.
            if index > 0, ops[index - 1].slot == op.slot {
                throw .invalidChange(dot: dot, reason: "slot \(op.slot) written twice")
            }
            if op.supersedes.contains(dot) || op.covers.contains(dot) {
                throw .invalidChange(dot: dot, reason: "a change cannot supersede or cover itself")
            }
            if !op.covers.isEmpty && !(op.slot == .deleted && op.value == .bool(true)) {
                throw .invalidChange(dot: dot, reason: "only a delete may carry covers")
            }
            if op.slot == .deleted, let value = op.value, value.bool == nil {
                throw .invalidChange(dot: dot, reason: "@deleted takes true or false")
            }
        }
    }
}

/// An ordered list of changes, as pushed or pulled in one request.
public struct ChangeBatch: Hashable, Sendable, Codable {
    /// The changes, in the order they were made or logged.
    public var changes: [Change]

    /// Creates a batch.
    public init(_ changes: [Change]) { self.changes = changes }
}
