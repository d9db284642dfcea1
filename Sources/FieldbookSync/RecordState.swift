/// The replicated state of one record: a register per slot.
///
/// Records are created by their first change and never disappear by merge;
/// deletion is the `@deleted` slot holding `true` (a tombstone). Physical
/// removal happens only through compaction (``isPurgeable(stable:)``).
public struct RecordState: Hashable, Sendable {
    /// Entity type name, e.g. `"account"`.
    public let entity: String
    /// Record ID.
    public let id: String
    /// Registers by slot.
    public private(set) var slots: [Slot: Register]

    /// An empty record that no change has touched yet.
    public init(entity: String, id: String, slots: [Slot: Register] = [:]) {
        self.entity = entity
        self.id = id
        self.slots = slots.filter { !$0.value.isEmpty }
    }

    /// Applies a change; returns the slots that changed (empty for a duplicate).
    ///
    /// A change whose dot is covered by `stable` (the stability frontier) is
    /// ignored: every active replica applied it before the frontier passed it.
    /// - Throws: ``SyncError`` if the change is for another record or entity.
    @discardableResult
    public mutating func apply(_ change: Change, stable: VersionVector = VersionVector()) throws(SyncError)
        -> [Slot]
    {
        guard change.record == id else { throw .recordMismatch(expected: id, found: change.record) }
        guard change.entity == entity else {
            throw .entityMismatch(record: id, expected: entity, found: change.entity)
        }
        if stable.contains(change.dot) { return [] }
        var touched: [Slot] = []
        for op in change.ops {
            if slots[op.slot, default: Register()].apply(op, dot: change.dot, time: change.time, stable: stable) {
                touched.append(op.slot)
            }
            // A removal of nothing (or only of stable dots) leaves no trace:
            // states never hold empty registers, so equal states encode equally.
            if op.value == nil, slots[op.slot]?.isEmpty == true { slots[op.slot] = nil }
        }
        return touched
    }

    /// Joins another replica's state of the same record (state transfer).
    ///
    /// Exact for uncompacted states. The protocol transfers whole states only
    /// to replicas that do not hold the record (initial sync, scope entry,
    /// re-sync), so compaction never meets a join of diverged states.
    public mutating func join(_ other: RecordState) throws(SyncError) {
        guard other.id == id else { throw .recordMismatch(expected: id, found: other.id) }
        guard other.entity == entity else { throw .entityMismatch(record: id, expected: entity, found: other.entity) }
        for (slot, register) in other.slots {
            slots[slot, default: Register()].join(register)
        }
    }

    /// The register of `slot`, empty if never written.
    public func register(_ slot: Slot) -> Register { slots[slot] ?? Register() }

    /// Whether the record is a tombstone: the winning `@deleted` entry is `true`.
    public var isDeleted: Bool { slots[.deleted]?.winner?.value == .bool(true) }

    /// Whether any change has written this record.
    public var exists: Bool { slots.values.contains { !$0.entries.isEmpty } }

    /// Every distinct dot of every live entry, sorted: what a delete covers.
    public var liveDots: [Dot] {
        var dots = Set<Dot>()
        for (slot, register) in slots where slot != .deleted {
            for entry in register.entries { dots.insert(entry.dot) }
        }
        return dots.sorted()
    }

    /// Compacts every register against the stability frontier and drops
    /// registers left with nothing in them.
    public mutating func compact(stable: VersionVector) {
        for slot in Array(slots.keys) {
            slots[slot]?.compact(stable: stable)
            if slots[slot]?.isEmpty == true { slots[slot] = nil }
        }
    }

    /// Whether the record may be dropped entirely: it is deleted, has no open
    /// conflict, and every entry (the delete included) is stable.
    public func isPurgeable(stable: VersionVector) -> Bool {
        isDeleted && conflicts.isEmpty
            && slots.values.allSatisfy { $0.entries.allSatisfy { stable.contains($0.dot) } }
    }
}

/// Wire form: `{"entity": …, "id": …, "slots": [{"slot": path, "entries": […],
/// "superseded": […]}, …]}` with slots sorted bytewise. Slots are an array,
/// not an object keyed by path, because paths compare as bytes and some JSON
/// libraries (Swift's among them) treat canonically equivalent keys as equal.
extension RecordState: Codable {
    enum CodingKeys: String, CodingKey { case entity, id, slots }

    private struct SlotRegister: Codable {
        var slot: Slot
        var register: Register

        enum CodingKeys: String, CodingKey { case slot }

        init(slot: Slot, register: Register) {
            self.slot = slot
            self.register = register
        }

        init(from decoder: any Decoder) throws {
            slot = try decoder.container(keyedBy: CodingKeys.self).decode(Slot.self, forKey: .slot)
            register = try Register(from: decoder)
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(slot, forKey: .slot)
            try register.encode(to: encoder)
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let list = try container.decodeIfPresent([SlotRegister].self, forKey: .slots) ?? []
        var slots: [Slot: Register] = [:]
        for item in list {
            guard slots.updateValue(item.register, forKey: item.slot) == nil else {
                throw DecodingError.dataCorruptedError(
                    forKey: .slots, in: container, debugDescription: "a slot of field \(item.slot.field) appears twice"
                )
            }
        }
        self.init(
            entity: try container.decode(String.self, forKey: .entity),
            id: try container.decode(String.self, forKey: .id),
            slots: slots
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(entity, forKey: .entity)
        try container.encode(id, forKey: .id)
        let list = slots.sorted { $0.key < $1.key }.map { SlotRegister(slot: $0.key, register: $0.value) }
        try container.encode(list, forKey: .slots)
    }
}
