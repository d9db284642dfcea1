/// The replica IDs one encoded value mentions, each written once; dots refer
/// to them by position (a record's dots mostly come from a few replicas
/// whose IDs are long).
///
/// Positions follow first use in encoding order, so equal values always
/// encode to equal bytes.
struct ReplicaTable {
    /// The IDs, in order of first use.
    private(set) var ids: [ReplicaID] = []
    /// Positions by ID, kept once the table outgrows a linear scan.
    private var positions: [ReplicaID: Int] = [:]

    private static let linearLimit = 8

    /// The position of `id`, added at the end if it is not yet in the table.
    mutating func position(adding id: ReplicaID) -> Int {
        if let position = position(of: id) { return position }
        ids.append(id)
        if ids.count > Self.linearLimit {
            if positions.isEmpty {
                for (position, known) in ids.enumerated() { positions[known] = position }
            } else {
                positions[id] = ids.count - 1
            }
        }
        return ids.count - 1
    }

    /// The position of `id`, nil if absent.
    func position(of id: ReplicaID) -> Int? {
        guard ids.count <= Self.linearLimit else { return positions[id] }
        return ids.firstIndex(of: id)
    }

    /// Writes the table: a count, then each ID as a string.
    func write(to writer: inout StorageWriter) {
        writer.count(ids.count)
        for id in ids { writer.string(id.rawValue) }
    }

    /// Writes `dot` as its replica's position (adding the replica on first
    /// use) and its counter.
    mutating func write(_ dot: Dot, to writer: inout StorageWriter) {
        writer.count(position(adding: dot.replica))
        writer.varint(dot.counter)
    }

    /// Writes a count, then the dots.
    mutating func write(_ dots: some Collection<Dot>, to writer: inout StorageWriter) {
        writer.count(dots.count)
        for dot in dots { write(dot, to: &writer) }
    }
}

extension StorageReader {
    /// Reads a replica table: valid, distinct replica IDs.
    mutating func replicaTable() throws(StorageCodecError) -> [ReplicaID] {
        // Each entry takes at least 2 bytes: a length and one character.
        let count = try count(minimumSize: 2)
        var ids: [ReplicaID] = []
        ids.reserveCapacity(count)
        var seen = Set<ReplicaID>()
        for _ in 0..<count {
            let start = offset
            let text = try string()
            guard let id = try? ReplicaID(text), count <= 8 ? !ids.contains(id) : seen.insert(id).inserted else {
                throw StorageCodecError(.invalidReplicaID, at: start)
            }
            ids.append(id)
        }
        return ids
    }

    /// Reads a dot: a position in `replicas` and a counter in 1…2^63−1.
    /// Positions must follow first use: a dot names a replica already used
    /// or the next one in the table.
    mutating func dot(_ replicas: [ReplicaID]) throws(StorageCodecError) -> Dot {
        let start = offset
        let position = try varint()
        let counter = try varint()
        guard position < UInt64(replicas.count), (1...Dot.maxCounter).contains(counter) else {
            throw StorageCodecError(.invalidDot, at: start)
        }
        guard position <= UInt64(replicasUsed) else { throw StorageCodecError(.notCanonical, at: start) }
        if position == UInt64(replicasUsed) { replicasUsed += 1 }
        return Dot(replica: replicas[Int(position)], counter: counter)
    }

    /// Reads a count, then that many dots in strictly ascending order (as
    /// every sorted, deduplicated dot list is written).
    mutating func sortedDots(_ replicas: [ReplicaID]) throws(StorageCodecError) -> [Dot] {
        let count = try count(minimumSize: 2)
        var dots: [Dot] = []
        dots.reserveCapacity(count)
        for _ in 0..<count {
            let start = offset
            let dot = try dot(replicas)
            if let last = dots.last, !(last < dot) { throw StorageCodecError(.notCanonical, at: start) }
            dots.append(dot)
        }
        return dots
    }

    /// Reads a count, then that many dots in any order.
    mutating func dots(_ replicas: [ReplicaID]) throws(StorageCodecError) -> [Dot] {
        let count = try count(minimumSize: 2)
        var dots: [Dot] = []
        dots.reserveCapacity(count)
        for _ in 0..<count { dots.append(try dot(replicas)) }
        return dots
    }
}
