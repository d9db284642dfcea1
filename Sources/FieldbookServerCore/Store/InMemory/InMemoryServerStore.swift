import FieldbookSync

/// A ``ServerStore`` in memory: for tests, demos and as the reference the
/// SQLite and PostgreSQL stores are checked against (the same conformance suite).
///
/// Writes are serialised by a writer lock, like SQLite's single writer; reads
/// never wait for it. A commit assigns the next log position while holding the
/// lock and publishes the change before releasing it, so positions become
/// visible in order (SYNC.md §11.4 scheme A). ``Hooks/whileCommitting`` runs
/// inside that window — the change has its position but is not yet visible —
/// so tests can hold a commit open and interleave readers and other writers.
///
/// ```swift
/// let store = InMemoryServerStore()
/// let service = SyncService(store: store, clock: WallClock())
/// ```
public actor InMemoryServerStore: ServerStore {
    /// Test hooks.
    public struct Hooks: Sendable {
        /// Runs inside ``commitAccepted(_:)`` after the change got its log
        /// position and before it becomes visible, with the writer lock held.
        public var whileCommitting: (@Sendable (LogPosition) async -> Void)?

        /// Creates hooks.
        public init(whileCommitting: (@Sendable (LogPosition) async -> Void)? = nil) {
            self.whileCommitting = whileCommitting
        }
    }

    var state = MemoryStoreState()
    private let hooks: Hooks
    private var writing = false
    private var waitingWriters: [CheckedContinuation<Void, Never>] = []

    /// Creates an empty store.
    public init(hooks: Hooks = Hooks()) {
        self.hooks = hooks
    }

    // MARK: Decisions

    public func decision(for dot: Dot) -> StoredDecision? { state.decisions[dot] }

    public func decidedCounter(of replica: ReplicaID) -> UInt64 { state.decidedCounter(of: replica) }

    public func acceptedDots(among dots: Set<Dot>) -> Set<Dot> {
        dots.filter { state.decisions[$0]?.isAccepted == true }
    }

    public func recordRejection(_ rejection: Rejection, digest: ChangeDigest, of dot: Dot) async throws {
        try await write { state in try state.recordRejection(rejection, digest: digest, of: dot) }
    }

    // MARK: Records

    public func record(_ id: String) -> RecordLookup { state.lookup(id) }

    public func decisionInputs(for change: Change) -> DecisionInputs {
        DecisionInputs(
            decision: state.decisions[change.dot], decidedCounter: state.decidedCounter(of: change.dot.replica),
            lookup: state.lookup(change.record), scopeEntry: state.scope.entries[change.record]
        )
    }

    public func records(after id: String?, limit: Int) -> [StoredRecord] { state.records(after: id, limit: limit) }

    public func purgeRecord(_ id: String, revision: LogPosition) async throws {
        try await write { state in try state.purgeRecord(id, revision: revision) }
    }

    // MARK: Log

    public func commitAccepted(_ commit: AcceptedCommit) async throws -> LogPosition {
        await lockWriter()
        defer { unlockWriter() }
        try state.checkCommit(commit)
        if let whileCommitting = hooks.whileCommitting {
            // The transaction is open: the position is taken, the change invisible.
            await whileCommitting(state.head.next)
        }
        return try state.commit(commit)
    }

    public func readLog(after position: LogPosition, limit: Int, excludingAuthor: ReplicaID?) throws -> LogSlice {
        try state.readLog(after: position, limit: limit, excludingAuthor: excludingAuthor)
    }

    public func logHead() -> LogPosition { state.head }

    public func logVector(through position: LogPosition) throws -> VersionVector {
        try state.logVector(through: position)
    }

    public func truncateLog(through position: LogPosition) async {
        await write { state in state.truncateLog(through: position) }
    }

    // MARK: Frontier

    public func acknowledge(_ acknowledgement: Acknowledgement) async -> AcknowledgementOutcome {
        await write { state in state.acknowledge(acknowledgement) }
    }

    public func frontierState() -> FrontierState { state.frontier }

    public func retire(_ replica: ReplicaID) async {
        await write { state in state.retire(replica) }
    }

    public func beginResync(_ replica: ReplicaID) async {
        await write { state in state.beginResync(replica) }
    }

    // MARK: Writer lock

    /// Runs one write transaction under the writer lock.
    func write<Result, Failure: Error>(
        _ body: (inout MemoryStoreState) throws(Failure) -> Result
    ) async throws(Failure) -> Result {
        await lockWriter()
        defer { unlockWriter() }
        return try body(&state)
    }

    private func lockWriter() async {
        guard writing else {
            writing = true
            return
        }
        // Ownership passes directly from the releasing writer to the first waiter.
        await withCheckedContinuation { waitingWriters.append($0) }
    }

    private func unlockWriter() {
        if waitingWriters.isEmpty {
            writing = false
        } else {
            waitingWriters.removeFirst().resume()
        }
    }
}

extension InMemoryServerStore {
    // MARK: Scopes

    public func scopeEntry(of id: String) -> ScopeEntry? { state.scope.entries[id] }

    public func scopeRoots(of ids: Set<String>) -> [String: ScopeRoot] {
        var roots: [String: ScopeRoot] = [:]
        for id in ids { roots[id] = state.scope.entries[id]?.root }
        return roots
    }

    public func records(withScopeKeys keys: Set<String>) -> Set<String> {
        keys.reduce(into: Set<String>()) { result, key in result.formUnion(state.scope.keys[key] ?? []) }
    }

    public func scopedRecords(in roots: Set<ScopeRoot>, after id: String?, limit: Int) -> [ScopedRecord] {
        state.scopedRecords(in: roots, after: id, limit: limit)
    }

    public func rootChanges(after: LogPosition, through: LogPosition) throws -> [RootChange] {
        guard after >= state.floor else { throw ServerStoreError.logCompacted(requested: after, floor: state.floor) }
        return state.scope.rootChanges.filter { $0.position > after && $0.position <= through }.sorted(by: RootChange.precedes)
    }

    public func saveScopeEpoch(_ roots: Set<ScopeRoot>, for replica: ReplicaID, keeping: Int) async -> UInt64 {
        await write { state in state.scope.saveEpoch(roots, for: replica, keeping: keeping) }
    }

    public func scopeEpoch(_ epoch: UInt64, of replica: ReplicaID) -> Set<ScopeRoot>? {
        state.scope.epochs[replica]?.first { $0.number == epoch }?.roots
    }

    public func latestScopeEpoch(of replica: ReplicaID) -> ScopeEpoch? { state.scope.epochs[replica]?.last }
}
