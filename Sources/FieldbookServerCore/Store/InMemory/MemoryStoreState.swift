import FieldbookProtocol
import FieldbookSync

/// The whole content of an ``InMemoryServerStore``, as a value: every write
/// is a mutating method that checks its preconditions first and changes
/// nothing when it throws (the in-memory counterpart of a transaction).
struct MemoryStoreState: Sendable {
    var decisions: [Dot: StoredDecision] = [:]
    var decidedCounters: [ReplicaID: UInt64] = [:]
    var records: [String: StoredRecord] = [:]
    /// Live record IDs in bytewise order, for snapshot paging.
    var recordOrder: [String] = []
    var stubs: [String: RecordRef] = [:]
    /// Log entries after ``floor``, in position order.
    var log: [LogEntry] = []
    var head = LogPosition.start
    /// Entries at or before this position were dropped.
    var floor = LogPosition.start
    /// The vector of the dropped prefix.
    var floorVector = VersionVector()
    var frontier = FrontierState()
    /// The scope index (see ``ServerStore``'s scope invariant).
    var scope = MemoryScopeIndex()

    // MARK: Decisions

    func decidedCounter(of replica: ReplicaID) -> UInt64 { decidedCounters[replica] ?? 0 }

    /// Throws unless `dot` is undecided and its replica's next counter.
    func checkNext(_ dot: Dot) throws(ServerStoreError) {
        if decisions[dot] != nil { throw .dotAlreadyDecided(dot) }
        let through = decidedCounter(of: dot.replica)
        guard dot.counter == through + 1 else { throw .counterNotNext(dot, decidedThrough: through) }
    }

    mutating func recordRejection(_ rejection: Rejection, digest: ChangeDigest, of dot: Dot) throws(ServerStoreError) {
        try checkNext(dot)
        decisions[dot] = StoredDecision(dot: dot, outcome: .rejected(rejection), digest: digest)
        decidedCounters[dot.replica] = dot.counter
    }

    // MARK: Records

    func lookup(_ id: String) -> RecordLookup {
        if let record = records[id] { return .live(record) }
        if let stub = stubs[id] { return .purged(stub) }
        return .absent
    }

    /// Live indexed records under `roots` after `id`, in ID order.
    func scopedRecords(in roots: Set<ScopeRoot>, after id: String?, limit: Int) -> [ScopedRecord] {
        let start = id.map { key in firstIndex(in: recordOrder) { !Self.precedesOrEqual($0, key) } } ?? 0
        var result: [ScopedRecord] = []
        for id in recordOrder[start...] {
            guard let root = scope.entries[id]?.root, roots.contains(root), let record = records[id] else { continue }
            result.append(ScopedRecord(record: record, root: root))
            if result.count >= max(1, limit) { break }
        }
        return result
    }

    func records(after id: String?, limit: Int) -> [StoredRecord] {
        let start = id.map { key in firstIndex(in: recordOrder) { !Self.precedesOrEqual($0, key) } } ?? 0
        return recordOrder[start...].prefix(max(1, limit)).compactMap { records[$0] }
    }

    mutating func purgeRecord(_ id: String, revision: LogPosition) throws(ServerStoreError) {
        guard let record = records[id], record.revision == revision else {
            throw .recordChanged(record: id, expected: revision)
        }
        records[id] = nil
        recordOrder.remove(at: firstIndex(in: recordOrder) { !Self.precedes($0, id) })
        stubs[id] = RecordRef(entity: record.state.entity, id: id)
        scope.remove(id)
    }

    // MARK: Log

    /// Checks that `commit` may be written; the position it would get is `head.next`.
    func checkCommit(_ commit: AcceptedCommit) throws(ServerStoreError) {
        try checkNext(commit.change.dot)
        let id = commit.change.record
        guard records[id]?.revision == commit.expectedRevision, stubs[id] == nil else {
            throw .recordChanged(record: id, expected: commit.expectedRevision)
        }
    }

    mutating func commit(_ commit: AcceptedCommit) throws(ServerStoreError) -> LogPosition {
        try checkCommit(commit)
        let position = head.next
        let change = commit.change
        head = position
        log.append(LogEntry(position: position, change: change))
        if records[change.record] == nil {
            recordOrder.insert(change.record, at: firstIndex(in: recordOrder) { !Self.precedes($0, change.record) })
        }
        records[change.record] = StoredRecord(state: commit.state, revision: position)
        decisions[change.dot] = StoredDecision(dot: change.dot, outcome: .accepted(position), digest: commit.digest)
        decidedCounters[change.dot.replica] = change.dot.counter
        if let facts = commit.scope { scope.index(change.record, entity: commit.state.entity, facts: facts, at: position) }
        return position
    }

    func readLog(after position: LogPosition, limit: Int, excludingAuthor: ReplicaID?) throws(ServerStoreError) -> LogSlice {
        guard position >= floor else { throw .logCompacted(requested: position, floor: floor) }
        let limit = max(1, limit)
        var entries: [LogEntry] = []
        var index = firstIndex(in: log) { $0.position > position }
        while index < log.count {
            let entry = log[index]
            index += 1
            guard entry.change.dot.replica != excludingAuthor else { continue }
            if entries.count == limit {
                return LogSlice(entries: entries, scannedThrough: entries[limit - 1].position, hasMore: true)
            }
            entries.append(entry)
        }
        return LogSlice(entries: entries, scannedThrough: max(head, position), hasMore: false)
    }

    func logVector(through position: LogPosition) throws(ServerStoreError) -> VersionVector {
        guard position >= floor else { throw .logCompacted(requested: position, floor: floor) }
        var vector = floorVector
        for entry in log where entry.position <= position { vector.add(entry.change.dot) }
        return vector
    }

    mutating func truncateLog(through position: LogPosition) {
        let position = min(position, head)
        guard position > floor else { return }
        let end = firstIndex(in: log) { $0.position > position }
        for entry in log[..<end] { floorVector.add(entry.change.dot) }
        log.removeFirst(end)
        floor = position
        scope.rootChanges.removeAll { $0.position <= position }
    }

    // MARK: Frontier

    mutating func acknowledge(_ acknowledgement: Acknowledgement) -> AcknowledgementOutcome {
        switch frontier.recording(acknowledgement) {
        case .success(let recorded):
            frontier.acknowledgements[recorded.replica] = recorded
            return .recorded
        case .failure(let refusal):
            return refusal.outcome
        }
    }

    mutating func retire(_ replica: ReplicaID) {
        frontier.acknowledgements[replica] = nil
        frontier.needsResync.insert(replica)
    }

    mutating func beginResync(_ replica: ReplicaID) {
        frontier.needsResync.remove(replica)
    }

    // MARK: Helpers

    /// The first index whose element satisfies `isAfter` (a predicate that is
    /// false then true along the array), or the end index.
    private func firstIndex<Element>(in array: [Element], where isAfter: (Element) -> Bool) -> Int {
        var low = 0
        var high = array.count
        while low < high {
            let middle = (low + high) / 2
            if isAfter(array[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    private static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }

    private static func precedesOrEqual(_ lhs: String, _ rhs: String) -> Bool {
        !rhs.utf8.lexicographicallyPrecedes(lhs.utf8)
    }
}
