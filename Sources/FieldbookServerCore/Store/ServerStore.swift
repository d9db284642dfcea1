import FieldbookSync

/// Everything the sync service needs from storage.
///
/// Each method is one unit of work: a SQLite or PostgreSQL store implements
/// it as one transaction. Methods are grouped by capability:
///
/// | capability | methods |
/// |---|---|
/// | decisions | ``decision(for:)``, ``decidedCounter(of:)``, ``acceptedDots(among:)``, ``recordRejection(_:digest:of:)`` |
/// | records | ``record(_:)``, ``records(after:limit:)``, ``purgeRecord(_:revision:)`` |
/// | log | ``commitAccepted(_:)``, ``readLog(after:limit:excludingAuthor:)``, ``logHead()``, ``logVector(through:)``, ``truncateLog(through:)`` |
/// | frontier | ``acknowledge(_:)``, ``frontierState()``, ``retire(_:)``, ``beginResync(_:)`` |
/// | scopes | ``scopeEntry(of:)``, ``scopeRoots(of:)``, ``records(withScopeKeys:)``, ``scopedRecords(in:after:limit:)``, ``rootChanges(after:through:)``, ``saveScopeEpoch(_:for:keeping:)``, ``scopeEpoch(_:of:)``, ``latestScopeEpoch(of:)`` |
///
/// Invariants every store keeps (checked by the shared conformance suite):
/// - **Decided counters are dense.** A replica's decided counters are always
///   `1 … decidedCounter(of:)`: a decision is written only for the next counter.
/// - **Decisions are final.** A decided dot is never decided again; decisions
///   are kept at least while the dot is above the stability frontier.
/// - **Commit-ordered log** (SYNC.md §11.4 scheme A). A position is assigned
///   inside the committing transaction while holding a lock held until commit
///   (e.g. `UPDATE log_head SET seq = seq + 1 RETURNING seq`), so position order
///   is commit order and ``readLog(after:limit:excludingAuthor:)`` never returns
///   a position while a lower one may still commit.
/// - **Atomic accept.** ``commitAccepted(_:)`` writes the merged record, the log
///   entry and the decision together, or nothing.
/// - **Current scope index.** ``commitAccepted(_:)`` indexes the commit's
///   ``ScopeFacts``; a record's effective root is its parent's when the parent
///   is indexed, else its own. Whenever an effective root changes (the record's
///   own, or its parent's, recursively), the store logs a ``RootChange`` at the
///   commit's position in the same transaction. Root changes are dropped with
///   the log (``truncateLog(through:)``); a purge removes the record's entry.
/// - **Monotone acknowledgements.** An acknowledgement never moves back, and a
///   replica outside the frontier is admitted only with a vector that covers it.
///
/// ```swift
/// let store: any ServerStore = InMemoryServerStore()
/// let service = SyncService(store: store, clock: WallClock())
/// ```
public protocol ServerStore: Sendable {
    // MARK: Decisions

    /// The decision recorded for `dot`, if it was decided.
    func decision(for dot: Dot) async throws -> StoredDecision?

    /// The highest decided counter of `replica` (0 when none): every counter
    /// from 1 up to it is decided.
    func decidedCounter(of replica: ReplicaID) async throws -> UInt64

    /// The dots among `dots` that were accepted (logged, or logged and compacted).
    func acceptedDots(among dots: Set<Dot>) async throws -> Set<Dot>

    /// The decision, decided counter, record and scope entry a push reads to
    /// decide `change`, ideally from one snapshot (``DecisionInputs``).
    func decisionInputs(for change: Change) async throws -> DecisionInputs

    /// Records a final rejection of `dot`.
    /// - Throws: ``ServerStoreError/dotAlreadyDecided(_:)`` or
    ///   ``ServerStoreError/counterNotNext(_:decidedThrough:)``; nothing is written then.
    func recordRejection(_ rejection: Rejection, digest: ChangeDigest, of dot: Dot) async throws

    // MARK: Records

    /// The state, purge stub or absence of the record with ID `id`.
    func record(_ id: String) async throws -> RecordLookup

    /// Live records with an ID bytewise greater than `id` (all when nil), in
    /// bytewise ID order, at most `limit` (≥ 1): the snapshot pages of a download.
    func records(after id: String?, limit: Int) async throws -> [StoredRecord]

    /// Replaces a live record by its purge stub (SYNC.md §9.3 rule 3).
    /// - Throws: ``ServerStoreError/recordChanged(record:expected:)`` when the
    ///   record is not live at `revision`.
    func purgeRecord(_ id: String, revision: LogPosition) async throws

    // MARK: Log

    /// Atomically merges, logs and decides an accepted change (SYNC.md §11.2 step 12).
    /// - Returns: the change's log position.
    /// - Throws: ``ServerStoreError/dotAlreadyDecided(_:)``,
    ///   ``ServerStoreError/counterNotNext(_:decidedThrough:)`` or
    ///   ``ServerStoreError/recordChanged(record:expected:)``; nothing is written then.
    func commitAccepted(_ commit: AcceptedCommit) async throws -> LogPosition

    /// Up to `limit` (≥ 1) committed log entries after `position`, in position
    /// order, leaving out changes authored by `excludingAuthor`. See ``LogSlice``
    /// for the visibility guarantee.
    /// - Throws: ``ServerStoreError/logCompacted(requested:floor:)`` when entries
    ///   after `position` were dropped.
    func readLog(after position: LogPosition, limit: Int, excludingAuthor: ReplicaID?) async throws -> LogSlice

    /// The position of the last committed change (``LogPosition/start`` when
    /// empty). Every position up to it is committed: a safe download horizon.
    func logHead() async throws -> LogPosition

    /// The version vector of the log prefix up to `position` (clamped to the head):
    /// per replica, the highest counter accepted at or before it.
    /// - Throws: ``ServerStoreError/logCompacted(requested:floor:)`` below the floor.
    func logVector(through position: LogPosition) async throws -> VersionVector

    /// Drops log entries at or before `position` (clamped to the head); their
    /// decisions and their contribution to ``logVector(through:)`` are kept.
    func truncateLog(through position: LogPosition) async throws

    // MARK: Frontier

    /// Records an acknowledgement: moves an active replica's acknowledgement
    /// forward, or admits a replica whose vector covers the current frontier.
    func acknowledge(_ acknowledgement: Acknowledgement) async throws -> AcknowledgementOutcome

    /// The active replicas' acknowledgements and the replicas that must re-sync.
    func frontierState() async throws -> FrontierState

    /// Retires `replica` (SYNC.md §9.1): it stops counting towards the frontier
    /// and must re-sync before it pulls with a cursor again.
    func retire(_ replica: ReplicaID) async throws

    /// Notes that `replica` started a download without cursor: a retired
    /// replica may use cursors again (it re-enters the frontier with its first
    /// acknowledgement that covers it).
    func beginResync(_ replica: ReplicaID) async throws

    // MARK: Scopes

    /// The indexed scope of record `id`, if indexed.
    func scopeEntry(of id: String) async throws -> ScopeEntry?

    /// The effective roots of those of `ids` that are indexed.
    func scopeRoots(of ids: Set<String>) async throws -> [String: ScopeRoot]

    /// The IDs of indexed records carrying any of `keys` (``ScopeKey``).
    func records(withScopeKeys keys: Set<String>) async throws -> Set<String>

    /// Live, indexed records whose effective root is in `roots`, with an ID
    /// bytewise greater than `id` (all when nil), in bytewise ID order, at most
    /// `limit` (≥ 1); each record and its root are read together.
    func scopedRecords(in roots: Set<ScopeRoot>, after id: String?, limit: Int) async throws -> [ScopedRecord]

    /// The root changes at positions in `(after, through]`, ordered by position, then record ID.
    /// - Throws: ``ServerStoreError/logCompacted(requested:floor:)`` when `after` is below the floor.
    func rootChanges(after: LogPosition, through: LogPosition) async throws -> [RootChange]

    /// Stores `roots` as `replica`'s next scope epoch and drops all but its
    /// newest `keeping` (≥ 1) epochs. - Returns: the new epoch's number.
    func saveScopeEpoch(_ roots: Set<ScopeRoot>, for replica: ReplicaID, keeping: Int) async throws -> UInt64

    /// The roots of `replica`'s epoch `epoch`, nil when unknown or dropped.
    func scopeEpoch(_ epoch: UInt64, of replica: ReplicaID) async throws -> Set<ScopeRoot>?

    /// `replica`'s newest scope epoch, if any.
    func latestScopeEpoch(of replica: ReplicaID) async throws -> ScopeEpoch?
}
