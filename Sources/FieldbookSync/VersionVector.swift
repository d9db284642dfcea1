/// A map from replica to the highest change counter known from it.
///
/// A replica's version vector summarises which changes it has integrated
/// (`contains(dot)`); the pointwise minimum of every active replica's
/// acknowledged vector is the *stability frontier* used for compaction
/// (see ``StabilityFrontier``). Absent entries mean 0.
public struct VersionVector: Hashable, Sendable, CustomStringConvertible {
    /// Counters by replica; entries are never 0.
    public private(set) var counters: [ReplicaID: UInt64]

    /// An empty vector: nothing known.
    public init() { counters = [:] }

    /// Creates a vector from counters, dropping zero entries.
    public init(_ counters: [ReplicaID: UInt64]) {
        self.counters = counters.filter { $0.value > 0 }
    }

    /// The counter known for `replica` (0 when none).
    public subscript(replica: ReplicaID) -> UInt64 {
        get { counters[replica] ?? 0 }
        set { counters[replica] = newValue == 0 ? nil : newValue }
    }

    /// Whether the change `dot` is covered by this vector.
    public func contains(_ dot: Dot) -> Bool { self[dot.replica] >= dot.counter }

    /// Raises the entry for `dot.replica` to at least `dot.counter`.
    public mutating func add(_ dot: Dot) {
        if dot.counter > self[dot.replica] { self[dot.replica] = dot.counter }
    }

    /// The pointwise maximum (least upper bound) of two vectors.
    public func merged(with other: VersionVector) -> VersionVector {
        VersionVector(counters.merging(other.counters, uniquingKeysWith: max))
    }

    /// The pointwise minimum over `vectors`: what every one of them covers.
    /// Empty input gives an empty vector.
    public static func meet(_ vectors: [VersionVector]) -> VersionVector {
        guard var result = vectors.first?.counters else { return VersionVector() }
        for vector in vectors.dropFirst() {
            for (replica, counter) in result {
                result[replica] = min(counter, vector[replica])
            }
        }
        return VersionVector(result)
    }

    /// Whether every entry of `self` is ≤ the entry in `other`.
    public func isCovered(by other: VersionVector) -> Bool {
        counters.allSatisfy { other[$0.key] >= $0.value }
    }

    public var description: String {
        "[" + counters.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }.joined(separator: ", ") + "]"
    }
}

extension VersionVector: Codable {
    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode([String: UInt64].self)
        var counters: [ReplicaID: UInt64] = [:]
        for (key, value) in raw {
            guard let replica = try? ReplicaID(key) else {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: decoder.codingPath, debugDescription: "invalid replica ID in version vector")
                )
            }
            counters[replica] = value
        }
        self.init(counters)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Dictionary(uniqueKeysWithValues: counters.map { ($0.key.rawValue, $0.value) }))
    }
}
