/// One write to one slot inside a ``Change``.
///
/// - `value` non-nil: the change's dot becomes a new entry of the slot holding
///   `value`. `nil`: a removal — no new entry (set-element and list-item removal).
/// - `supersedes`: the dots of the slot's entries the writer had observed;
///   they are causally overwritten and leave the slot everywhere.
/// - `covers` (only on `@deleted` writes of `true`): the dots of every entry in
///   the record the deleter had observed. Entries *not* covered by a winning
///   delete are edits concurrent with it and form a delete/edit conflict.
public struct Operation: Hashable, Sendable, Codable {
    /// The slot written.
    public var slot: Slot
    /// The new value, or nil for a removal.
    public var value: Value?
    /// Entries of the slot this write overwrites, sorted.
    public var supersedes: [Dot]
    /// For deletes: every entry of the record the deleter had seen, sorted.
    public var covers: [Dot]

    /// Creates an operation; dot lists are stored sorted and deduplicated.
    public init(slot: Slot, value: Value?, supersedes: [Dot] = [], covers: [Dot] = []) {
        self.slot = slot
        self.value = value
        self.supersedes = Array(Set(supersedes)).sorted()
        self.covers = Array(Set(covers)).sorted()
    }

    enum CodingKeys: String, CodingKey {
        case slot, value, remove, supersedes, covers
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let slot = try container.decode(Slot.self, forKey: .slot)
        let remove = try container.decodeIfPresent(Bool.self, forKey: .remove)
        let hasValue = container.contains(.value)
        guard (remove == true && !hasValue) || (remove == nil && hasValue) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "an operation has exactly one of \"value\" or \"remove\": true"
                )
            )
        }
        // Not a ternary: `Value` is nil-literal expressible, so `cond ? nil : value`
        // would type `nil` as `Value.null` — a removal must mean "no entry".
        let value: Value?
        if hasValue {
            value = try container.decode(Value.self, forKey: .value)
        } else {
            value = Optional<Value>.none
        }
        self.init(
            slot: slot,
            value: value,
            supersedes: try container.decodeIfPresent([Dot].self, forKey: .supersedes) ?? [],
            covers: try container.decodeIfPresent([Dot].self, forKey: .covers) ?? []
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(slot, forKey: .slot)
        if let value {
            try container.encode(value, forKey: .value)
        } else {
            try container.encode(true, forKey: .remove)
        }
        if !supersedes.isEmpty { try container.encode(supersedes, forKey: .supersedes) }
        if !covers.isEmpty { try container.encode(covers, forKey: .covers) }
    }
}
