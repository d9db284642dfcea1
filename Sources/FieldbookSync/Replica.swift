/// An in-memory replica: the reference implementation of a replica's sync
/// behaviour, used by tests, benchmarks and as the model for persistent stores.
///
/// It issues changes with fresh dots and hybrid timestamps, applies local
/// and remote changes through the same merge, and remembers every change it
/// holds so it can forward them (a server log in miniature).
public struct Replica: Sendable {
    /// This replica's identity.
    public let id: ReplicaID
    /// The number of changes this replica has issued.
    public private(set) var counter: UInt64
    /// This replica's hybrid logical clock.
    public private(set) var clock: HybridLogicalClock
    /// Records by ID.
    public private(set) var records: [String: RecordState]
    /// Every change held, in arrival order, without duplicates.
    public private(set) var log: [Change]
    /// Dots of the changes in ``log``.
    public private(set) var known: Set<Dot>
    /// The stability frontier last learned (see ``StabilityFrontier``).
    public var stable: VersionVector
    /// Whether changes stamped too far ahead of local time are refused.
    /// Servers check; clients accept what their server sends, since their own
    /// clock may be the wrong one.
    public let checksClockDrift: Bool

    /// Creates an empty replica.
    public init(id: ReplicaID, clock: HybridLogicalClock = HybridLogicalClock(), checksClockDrift: Bool = false) {
        self.id = id
        self.checksClockDrift = checksClockDrift
        self.counter = 0
        self.clock = clock
        self.records = [:]
        self.log = []
        self.known = []
        self.stable = VersionVector()
    }

    /// Makes a local change to a record and applies it.
    /// - Parameters:
    ///   - entity: entity type of the record.
    ///   - record: record ID (new or existing).
    ///   - physical: local wall time in ms, from an injected clock.
    ///   - edit: fills a ``ChangeBuilder`` from the current state.
    /// - Returns: the change, or nil when `edit` wrote nothing.
    @discardableResult
    public mutating func change(
        _ entity: String, _ record: String, physical: UInt64,
        _ edit: (inout ChangeBuilder) throws -> Void
    ) rethrows -> Change? {
        let current = records[record] ?? RecordState(entity: entity, id: record)
        var builder = ChangeBuilder(state: current)
        try edit(&builder)
        guard !builder.isEmpty else { return nil }
        counter += 1
        let change = Change(
            entity: entity, record: record, dot: Dot(replica: id, counter: counter),
            time: clock.tick(physical: physical), ops: builder.operations
        )
        // A locally built change always matches its record; apply cannot fail.
        _ = try? receive(change, physical: physical)
        return change
    }

    /// Applies a change from anywhere (local or remote). Duplicates are ignored.
    /// - Returns: the slots that changed.
    /// - Throws: ``SyncError`` for a structurally invalid change, a time too
    ///   far ahead (when ``checksClockDrift``), or a record/entity mismatch;
    ///   the replica is then unchanged.
    @discardableResult
    public mutating func receive(_ change: Change, physical: UInt64) throws(SyncError) -> [Slot] {
        if known.contains(change.dot) || stable.contains(change.dot) { return [] }
        try change.validateStructure()
        if checksClockDrift { try clock.checkDrift(change.time, physical: physical) }
        if let existing = records[change.record], existing.entity != change.entity {
            throw .entityMismatch(record: change.record, expected: existing.entity, found: change.entity)
        }
        // Mutate in place: copying the record out and back would copy its slots on every change.
        let touched = try records[change.record, default: RecordState(entity: change.entity, id: change.record)]
            .apply(change, stable: stable)
        clock.advance(past: change.time)
        known.insert(change.dot)
        log.append(change)
        return touched
    }

    /// Joins a record state received as a whole (initial sync, a record that
    /// entered this replica's scope, a conformance vector's initial state).
    /// The clock moves past every time in `state`, so later local edits sort
    /// after what was received.
    public mutating func join(_ state: RecordState) throws(SyncError) {
        if let latest = state.slots.values.lazy.flatMap(\.entries).map(\.time).max() {
            clock.advance(past: latest)
        }
        guard var current = records[state.id] else {
            records[state.id] = state
            return
        }
        try current.join(state)
        records[state.id] = current
    }

    /// Every open conflict across all records, ordered by record then slot.
    public var conflicts: [Conflict] {
        records.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.flatMap { records[$0]!.conflicts }
    }

    /// Compacts every record against ``stable`` and purges deleted records
    /// that are fully stable. Returns the IDs purged.
    @discardableResult
    public mutating func compact() -> [String] {
        var purged: [String] = []
        for id in records.keys.sorted() {
            if records[id]!.isPurgeable(stable: stable) {
                records[id] = nil
                purged.append(id)
            } else {
                records[id]!.compact(stable: stable)
            }
        }
        log.removeAll { stable.contains($0.dot) }
        return purged
    }
}
