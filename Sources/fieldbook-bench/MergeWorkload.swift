import FieldbookSync

/// Random changes for the merge benchmark, generated before any timing.
///
/// Real ``Replica``s make the changes through ``ChangeBuilder`` (so supersede
/// and cover lists are exactly what devices send) and pull each other's
/// changes only every ``syncInterval`` changes, at staggered times. Writes
/// made between two pulls of the same record and field are concurrent, and
/// most writes go to a small hot set of records, so conflicts are frequent.
struct MergeWorkload {
    /// Changes made between two pulls of one replica.
    static let syncInterval = 400
    /// Share of writes (percent) that go to the hot tenth of the records.
    static let hotShare = 80

    /// The changes in log order (as a server would hand them out).
    let changes: [Change]
    /// A physical time (ms) after every change, for receiving them.
    let endMillis: UInt64

    /// Generates `options.changes` changes on `options.records` records by
    /// `options.replicas` replicas, deterministically from `options.seed`.
    init(_ options: MergeOptions) {
        var random = BenchRandom(seed: options.seed)
        var replicas = (0..<options.replicas).map { Replica(id: ReplicaID(unchecked: "bench-replica-\($0)")) }
        let skews = replicas.indices.map { UInt64($0 * 20_000) }  // clocks up to a minute apart
        let offset = Self.syncInterval / max(options.replicas, 1)
        var pulled = Array(repeating: 0, count: replicas.count)
        var log: [Change] = []
        log.reserveCapacity(options.changes)
        var now: UInt64 = 1_750_000_000_000
        while log.count < options.changes {
            now += UInt64(random.int(below: 4))
            let index = random.int(below: replicas.count)
            let record = Self.record(options.records, &random)
            let state = replicas[index].records[record.id] ?? RecordState(entity: record.entity, id: record.id)
            let edits = MergeEdit.random(on: state, random: &random)
            let change = replicas[index].change(record.entity, record.id, physical: now + skews[index]) { builder in
                for edit in edits { edit.apply(to: &builder) }
            }
            if let change { log.append(change) }
            for replica in replicas.indices where (log.count + replica * offset) % Self.syncInterval == 0 {
                for change in log[pulled[replica]...] {
                    // Clocks are within the drift bound and records match: receiving cannot fail.
                    _ = try? replicas[replica].receive(change, physical: now + skews[replica])
                }
                pulled[replica] = log.count
            }
        }
        changes = log
        endMillis = now + skews.max()! + 1
    }

    /// A record ID: 80 % of picks fall in the hot tenth; one record in five is an offer.
    private static func record(_ count: Int, _ random: inout BenchRandom) -> (entity: String, id: String) {
        let hot = max(count / 10, 1)
        let index = random.percent(hotShare) ? random.int(below: hot) : random.int(below: count)
        return index % 5 == 0 ? ("offer", "offer-\(index)") : ("account", "account-\(index)")
    }
}
