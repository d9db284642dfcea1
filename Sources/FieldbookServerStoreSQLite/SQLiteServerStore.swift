import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookSync
import Foundation
import GRDB

/// A ``ServerStore`` in one SQLite file (GRDB `DatabasePool`, WAL): the
/// embedded store of a single-node server.
///
/// Every method is one transaction. Records and log entries are stored with
/// the FieldbookSync storage codec; the layout is in `ServerMigrations`.
///
/// **Log positions (SYNC.md §11.4, scheme A).** SQLite has a single writer:
/// the pool's writer connection runs one write transaction at a time, and
/// each is `BEGIN IMMEDIATE`, so it holds the database's write lock (against
/// other processes too) from its first statement until `COMMIT`.
/// ``commitAccepted(_:)`` assigns the position inside that transaction
/// (`UPDATE log_head SET seq = seq + 1 … RETURNING seq`), so position order is
/// commit order. Readers run on WAL snapshots, which contain exactly the
/// transactions committed before they began: a reader that sees position `p`
/// sees every position below it, and no position at or below the head it
/// reads can still commit — the visibility rule holds without an in-flight
/// table. The merge is done by the caller before the write, which keeps the
/// lock short.
///
/// **Conditional writes.** The preconditions of ``ServerStore`` are checked
/// inside the write transaction; on failure the store throws the same
/// ``ServerStoreError`` as ``InMemoryServerStore`` and the transaction rolls
/// back, so nothing is written. SQLite failures surface as
/// ``ServerStoreError/unavailable(reason:)``.
///
/// **Group commit.** Decisions (``commitAccepted(_:)``,
/// ``recordRejection(_:digest:of:)``) submitted while another commit is in
/// flight share the next transaction, each in its own savepoint
/// (``GroupCommitter``): many concurrent pushes cost one WAL sync, not one
/// per change. A failed precondition rolls back only its own decision.
///
/// **Durability.** The writer connection runs with `synchronous=FULL`: a
/// returned write survives power loss. (GRDB sets WAL connections to
/// `NORMAL`; the store raises the writer's level after opening.)
///
/// ```swift
/// let store = try SQLiteServerStore(path: "/var/lib/fieldbook/server.sqlite")
/// let service = SyncService(store: store, clock: WallClock())
/// ```
public final class SQLiteServerStore: ServerStore {
    /// The connection pool (WAL; one writer).
    let pool: DatabasePool
    /// Shares one transaction among concurrent decisions (``GroupCommitter``).
    let committer: GroupCommitter

    /// Opens (creating if needed) the store at `path` and migrates it.
    /// - Parameter path: the SQLite file; its directory must exist.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        pool = try DatabasePool(path: path, configuration: configuration)
        committer = GroupCommitter(writer: pool) { error in
            (error as? DatabaseError).map { Self.unavailable($0) } ?? error
        }
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        try ServerMigrations.migrator.migrate(pool)
    }

    /// Closes the database connections. The store must not be used afterwards.
    public func close() throws {
        try pool.close()
    }

    /// The writer connection's `PRAGMA synchronous` (2 is FULL), for tests.
    func writerSynchronousLevel() throws -> Int {
        try pool.writeWithoutTransaction { db in try Int.fetchOne(db.cachedStatement(sql: "PRAGMA synchronous")) ?? -1 }
    }

    // MARK: Decisions

    public func decision(for dot: Dot) async throws -> StoredDecision? {
        try await read { db in try Self.decision(for: dot, in: db) }
    }

    public func decidedCounter(of replica: ReplicaID) async throws -> UInt64 {
        try await read { db in try Self.decidedCounter(of: replica, in: db) }
    }

    public func acceptedDots(among dots: Set<Dot>) async throws -> Set<Dot> {
        try await read { db in
            let statement = try db.cachedStatement(
                sql: "SELECT 1 FROM decision WHERE replica = ? AND counter = ? AND accepted_seq IS NOT NULL"
            )
            var accepted: Set<Dot> = []
            for dot in dots
            where try Bool.fetchOne(statement, arguments: [dot.replica.rawValue, Int64(clamping: dot.counter)]) != nil {
                accepted.insert(dot)
            }
            return accepted
        }
    }

    public func decisionInputs(for change: Change) async throws -> DecisionInputs {
        try await read { db in
            DecisionInputs(
                decision: try Self.decision(for: change.dot, in: db),
                decidedCounter: try Self.decidedCounter(of: change.dot.replica, in: db),
                lookup: try Self.lookup(change.record, in: db),
                scopeEntry: try Self.scopeEntry(of: change.record, in: db)
            )
        }
    }

    public func recordRejection(_ rejection: Rejection, digest: ChangeDigest, of dot: Dot) async throws {
        try await committer.submit { db in
            try Self.checkNext(dot, in: db)
            try db.cachedStatement(sql: "INSERT INTO decision (replica, counter, code, reason, digest) VALUES (?, ?, ?, ?, ?)")
                .execute(arguments: [
                    dot.replica.rawValue, Int64(clamping: dot.counter), rejection.code.rawValue, rejection.reason, digest.hex,
                ]
                )
            try Self.setDecidedCounter(dot, in: db)
        }
    }

    // MARK: Records

    public func record(_ id: String) async throws -> RecordLookup {
        try await read { db in try Self.lookup(id, in: db) }
    }

    public func records(after id: String?, limit: Int) async throws -> [StoredRecord] {
        try await read { db in
            let rows = try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT state, revision FROM record
                        WHERE purged = 0 AND (?1 IS NULL OR id > ?1)
                        ORDER BY id LIMIT ?2
                        """),
                arguments: [id, max(1, limit)]
            )
            return try rows.map { row in
                StoredRecord(state: try Self.decodeState(row["state"]), revision: Self.position(row["revision"]))
            }
        }
    }

    public func purgeRecord(_ id: String, revision: LogPosition) async throws {
        try await write { db in
            guard case .live(let record) = try Self.lookup(id, in: db), record.revision == revision else {
                throw ServerStoreError.recordChanged(record: id, expected: revision)
            }
            try db.cachedStatement(sql: "UPDATE record SET state = NULL, revision = NULL, purged = 1 WHERE id = ?").execute(
                arguments: [id]
            )
            try db.cachedStatement(sql: "DELETE FROM scope_entry WHERE record = ?").execute(arguments: [id])
            try db.cachedStatement(sql: "DELETE FROM scope_key WHERE record = ?").execute(arguments: [id])
        }
    }

    // MARK: Log

    public func commitAccepted(_ commit: AcceptedCommit) async throws -> LogPosition {
        let changeBytes = Data(StorageCodec.encode(commit.change))
        let stateBytes = Data(StorageCodec.encode(commit.state))
        return try await committer.submit { db in
            let change = commit.change
            try Self.checkNext(change.dot, in: db)
            let current = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT revision, purged FROM record WHERE id = ?"), arguments: [change.record]
            )
            let currentRevision = (current?["revision"] as Int64?).map { LogPosition(rawValue: UInt64($0)) }
            let purged = (current?["purged"] as Int64?) == 1
            guard !purged, currentRevision == commit.expectedRevision else {
                throw ServerStoreError.recordChanged(record: change.record, expected: commit.expectedRevision)
            }
            // Scheme A: the position is taken under the write lock, held until COMMIT.
            let seq = try Int64.fetchOne(
                db.cachedStatement(sql: "UPDATE log_head SET seq = seq + 1 WHERE singleton = 1 RETURNING seq")
            )!
            try db.cachedStatement(sql: "INSERT INTO change_log (seq, replica, counter, change) VALUES (?, ?, ?, ?)").execute(
                arguments: [seq, change.dot.replica.rawValue, Int64(clamping: change.dot.counter), changeBytes]
            )
            try db.cachedStatement(
                sql: """
                    INSERT INTO record (id, entity, state, revision, purged) VALUES (?, ?, ?, ?, 0)
                    ON CONFLICT (id) DO UPDATE SET entity = excluded.entity, state = excluded.state,
                        revision = excluded.revision
                    """
            ).execute(arguments: [change.record, commit.state.entity, stateBytes, seq])
            try db.cachedStatement(sql: "INSERT INTO decision (replica, counter, accepted_seq, digest) VALUES (?, ?, ?, ?)")
                .execute(
                    arguments: [change.dot.replica.rawValue, Int64(clamping: change.dot.counter), seq, commit.digest.hex]
                )
            try Self.setDecidedCounter(change.dot, in: db)
            if let facts = commit.scope {
                try Self.indexScope(change.record, entity: commit.state.entity, facts: facts, seq: seq, in: db)
            }
            return LogPosition(rawValue: UInt64(seq))
        }
    }

    public func readLog(after position: LogPosition, limit: Int, excludingAuthor: ReplicaID?) async throws -> LogSlice {
        try await read { db in
            // One snapshot: the head and the entries are read from the same committed state.
            let (head, floor) = try Self.head(in: db)
            guard position >= floor else { throw ServerStoreError.logCompacted(requested: position, floor: floor) }
            let limit = max(1, limit)
            let rows = try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT seq, change FROM change_log
                        WHERE seq > ?1 AND (?2 IS NULL OR replica <> ?2)
                        ORDER BY seq LIMIT ?3
                        """),
                arguments: [Int64(position.rawValue), excludingAuthor?.rawValue, limit + 1]
            )
            var entries: [LogEntry] = []
            for row in rows.prefix(limit) {
                entries.append(LogEntry(position: Self.position(row["seq"]), change: try Self.decodeChange(row["change"])))
            }
            if rows.count > limit {
                return LogSlice(entries: entries, scannedThrough: entries[limit - 1].position, hasMore: true)
            }
            return LogSlice(entries: entries, scannedThrough: max(head, position), hasMore: false)
        }
    }

    public func logHead() async throws -> LogPosition {
        try await read { db in try Self.head(in: db).head }
    }

    public func logVector(through position: LogPosition) async throws -> VersionVector {
        try await read { db in
            let floor = try Self.head(in: db).floor
            guard position >= floor else { throw ServerStoreError.logCompacted(requested: position, floor: floor) }
            var vector = try Self.floorVector(in: db)
            // Per replica that ever had a change decided, its highest logged counter at or
            // below `position`: walks `change_log_replica` down from the replica's newest
            // change, so the cost follows the replicas and the changes after `position`,
            // not the length of the log.
            let rows = try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT d.replica, (
                            SELECT c.counter FROM change_log c INDEXED BY change_log_replica
                            WHERE c.replica = d.replica AND c.seq <= ?1 ORDER BY c.counter DESC LIMIT 1
                        ) AS counter FROM decided_counter d
                        """),
                arguments: [Self.clampedInt64(position)]
            )
            for row in rows {
                guard let counter = row["counter"] as Int64? else { continue }
                vector.add(Dot(replica: ReplicaID(unchecked: row["replica"]), counter: UInt64(counter)))
            }
            return vector
        }
    }

    public func truncateLog(through position: LogPosition) async throws {
        try await write { db in
            let (head, floor) = try Self.head(in: db)
            let position = min(position, head)
            guard position > floor else { return }
            let seq = Int64(position.rawValue)
            try db.cachedStatement(
                sql: """
                    INSERT INTO floor_vector (replica, counter)
                    SELECT replica, MAX(counter) FROM change_log WHERE seq <= ?1 GROUP BY replica
                    ON CONFLICT (replica) DO UPDATE SET counter = MAX(counter, excluded.counter)
                    """
            ).execute(arguments: [seq]
            )
            try db.cachedStatement(sql: "DELETE FROM change_log WHERE seq <= ?").execute(arguments: [seq])
            try db.cachedStatement(sql: "DELETE FROM root_change WHERE seq <= ?").execute(arguments: [seq])
            try db.cachedStatement(sql: "UPDATE log_head SET floor = ? WHERE singleton = 1").execute(arguments: [seq])
        }
    }

    // MARK: Frontier

    public func acknowledge(_ acknowledgement: Acknowledgement) async throws -> AcknowledgementOutcome {
        try await write { db in
            let frontier = try Self.frontierState(in: db)
            let replica = acknowledgement.replica
            let recorded: Acknowledgement
            switch frontier.recording(acknowledgement) {
            case .success(let accepted): recorded = accepted
            case .failure(let refusal): return refusal.outcome
            }
            try db.cachedStatement(
                sql: """
                    INSERT INTO acknowledgement (replica, position, vector) VALUES (?, ?, ?)
                    ON CONFLICT (replica) DO UPDATE SET position = excluded.position, vector = excluded.vector
                    """
            ).execute(arguments: [replica.rawValue, Self.clampedInt64(recorded.position), try Self.encodeVector(recorded.vector)]
            )
            return .recorded
        }
    }

    public func frontierState() async throws -> FrontierState {
        try await read { db in try Self.frontierState(in: db) }
    }

    public func retire(_ replica: ReplicaID) async throws {
        try await write { db in
            try db.cachedStatement(sql: "DELETE FROM acknowledgement WHERE replica = ?").execute(arguments: [replica.rawValue])
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO needs_resync (replica) VALUES (?)").execute(arguments: [
                replica.rawValue
            ])
        }
    }

    public func beginResync(_ replica: ReplicaID) async throws {
        try await write { db in
            try db.cachedStatement(sql: "DELETE FROM needs_resync WHERE replica = ?").execute(arguments: [replica.rawValue])
        }
    }
}
