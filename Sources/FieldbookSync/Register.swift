/// The state of one slot: the concurrent entries it holds plus the dots
/// known to be overwritten.
///
/// A register is a multi-value register in its optimised causal form
/// (Almeida et al., *Delta State Replicated Data Types*): joining two
/// registers keeps every entry not known to be superseded by either side.
/// Joins are commutative, associative and idempotent, so replicas that have
/// seen the same writes hold equal registers whatever the delivery order.
public struct Register: Hashable, Sendable {
    /// Live entries, winner first (see ``Entry/wins(over:)``).
    public private(set) var entries: [Entry]
    /// Dots overwritten by some write seen here (until compacted).
    public private(set) var superseded: Set<Dot>

    /// An empty register.
    public init() {
        entries = []
        superseded = []
    }

    /// Creates a register from parts, normalising order and dropping
    /// entries already superseded.
    public init(entries: [Entry], superseded: Set<Dot>) {
        self.superseded = superseded
        self.entries = entries.filter { !superseded.contains($0.dot) }
        sortEntries()
    }

    /// The winning entry, if the slot holds any value.
    public var winner: Entry? { entries.first }

    /// Whether the register has no entries and no superseded dots.
    public var isEmpty: Bool { entries.isEmpty && superseded.isEmpty }

    /// Whether concurrent entries disagree on the value.
    public var hasConflict: Bool {
        guard let first = entries.first?.value else { return false }
        return entries.dropFirst().contains { $0.value != first }
    }

    /// Whether `dot` has been written to or superseded in this register.
    public func knows(_ dot: Dot) -> Bool {
        superseded.contains(dot) || entries.contains { $0.dot == dot }
    }

    /// Applies one operation of a change; returns whether the register changed.
    ///
    /// Superseded dots covered by `stable` are not remembered: every replica
    /// already applied those changes, so they can only come back as
    /// duplicates, which the frontier rule ignores.
    @discardableResult
    public mutating func apply(
        _ op: Operation, dot: Dot, time: HybridTimestamp, stable: VersionVector = VersionVector()
    ) -> Bool {
        var changed = false
        var removed = false
        for old in op.supersedes {
            if entries.contains(where: { $0.dot == old }) { removed = true }
            if !stable.contains(old), superseded.insert(old).inserted { changed = true }
        }
        if removed {
            entries.removeAll { op.supersedes.contains($0.dot) }
            changed = true
        }
        if let value = op.value, !knows(dot) {
            insert(Entry(dot: dot, time: time, value: value, covers: op.covers))
            changed = true
        }
        return changed
    }

    /// The join with another replica's register of the same slot.
    public mutating func join(_ other: Register) {
        superseded.formUnion(other.superseded)
        var byDot = [Dot: Entry](minimumCapacity: entries.count + other.entries.count)
        for entry in entries + other.entries where !superseded.contains(entry.dot) {
            byDot[entry.dot] = entry
        }
        entries = Array(byDot.values)
        sortEntries()
    }

    /// Forgets superseded dots covered by the stability frontier: every
    /// replica has applied those changes, so they can only arrive again as
    /// duplicates, which the frontier rule ignores.
    public mutating func compact(stable: VersionVector) {
        guard !superseded.isEmpty else { return }
        superseded = superseded.filter { !stable.contains($0) }
    }

    private mutating func insert(_ entry: Entry) {
        let index = entries.firstIndex { entry.wins(over: $0) } ?? entries.endIndex
        entries.insert(entry, at: index)
    }

    private mutating func sortEntries() {
        entries.sort { $0.wins(over: $1) }
    }
}

extension Register: Codable {
    enum CodingKeys: String, CodingKey { case entries, superseded }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            entries: try container.decodeIfPresent([Entry].self, forKey: .entries) ?? [],
            superseded: Set(try container.decodeIfPresent([Dot].self, forKey: .superseded) ?? [])
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(entries, forKey: .entries)
        if !superseded.isEmpty { try container.encode(superseded.sorted(), forKey: .superseded) }
    }
}
