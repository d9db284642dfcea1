/// A value held by a slot, with the identity of the write that put it there.
public struct Entry: Hashable, Sendable, Codable {
    /// The change that wrote the value.
    public var dot: Dot
    /// When it was written (hybrid logical time).
    public var time: HybridTimestamp
    /// The value written.
    public var value: Value
    /// For deletes: the entries of the record the deleter had seen.
    public var covers: [Dot]

    /// Creates an entry.
    public init(dot: Dot, time: HybridTimestamp, value: Value, covers: [Dot] = []) {
        self.dot = dot
        self.time = time
        self.value = value
        self.covers = covers
    }

    /// The deterministic tie-break between concurrent entries: later hybrid
    /// time wins; equal times fall to the greater replica ID (bytewise), then
    /// the greater counter. Returns true when `self` beats `other`.
    public func wins(over other: Entry) -> Bool {
        if time != other.time { return time > other.time }
        if dot.replica != other.dot.replica { return dot.replica > other.dot.replica }
        return dot.counter > other.dot.counter
    }

    enum CodingKeys: String, CodingKey { case dot, time, value, covers }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        dot = try container.decode(Dot.self, forKey: .dot)
        time = try container.decode(HybridTimestamp.self, forKey: .time)
        value = try container.decode(Value.self, forKey: .value)
        covers = try container.decodeIfPresent([Dot].self, forKey: .covers) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(dot, forKey: .dot)
        try container.encode(time, forKey: .time)
        try container.encode(value, forKey: .value)
        if !covers.isEmpty { try container.encode(covers, forKey: .covers) }
    }
}
