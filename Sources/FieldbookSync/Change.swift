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
        if !Change.isValidRecordID(record) {
            throw .invalidChange(dot: dot, reason: "record ID must be 1–128 characters from A–Z a–z 0–9 _ - . :")
        }
        if !Change.isValidEntityName(entity) {
            throw .invalidChange(dot: dot, reason: "entity name must match [a-z][a-z0-9_]{0,63}")
        }
        for (index, op) in ops.enumerated() {
            // `ops` is sorted by slot (the initialiser sorts), so a repeat is adjacent.
            if index > 0, ops[index - 1].slot == op.slot {
                throw .invalidChange(dot: dot, reason: "a slot of field \(op.slot.field) written twice")
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

extension Change {
    /// Whether `id` is a valid record ID: 1–128 ASCII characters from
    /// `A–Z a–z 0–9 _ - . :`. IDs are ASCII so that every implementation and
    /// every database compares them the same way (bytewise).
    public static func isValidRecordID(_ id: String) -> Bool {
        let bytes = id.utf8
        guard (1...128).contains(bytes.count) else { return false }
        return bytes.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x5F || byte == 0x2D || byte == 0x2E || byte == 0x3A
        }
    }

    /// Whether `name` is a valid entity name: `[a-z][a-z0-9_]{0,63}`.
    public static func isValidEntityName(_ name: String) -> Bool {
        let bytes = name.utf8
        guard let first = bytes.first, (0x61...0x7A).contains(first), bytes.count <= 64 else { return false }
        return bytes.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x5F }
    }
}

/// An ordered list of changes, as pushed or pulled in one request.
public struct ChangeBatch: Hashable, Sendable, Codable {
    /// The changes, in the order they were made or logged.
    public var changes: [Change]

    /// Creates a batch.
    public init(_ changes: [Change]) { self.changes = changes }
}
