import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookSync
import Logging
import NIOCore
import PostgresNIO

/// A ``FieldbookServerCore/ServerStore`` in PostgreSQL (postgres-nio): the
/// shared store of several stateless `fieldbook-server` instances.
///
/// Every method is one transaction on a pooled connection. Records and log
/// entries are stored with the FieldbookSync storage codec; the layout is in
/// `PostgresStoreMigrations`.
///
/// **Log positions (SYNC.md §11.4, scheme A).** Every transaction that
/// writes decisions, records or the log first takes the row lock of the
/// one-row `log_head` table (``commitAccepted(_:)`` by `UPDATE log_head SET
/// seq = seq + 1 … RETURNING seq`, the others by `SELECT … FOR UPDATE`) and
/// holds it until `COMMIT`. Positions are therefore assigned in commit order,
/// across all connections and all server instances. PostgreSQL makes a
/// transaction visible before it releases its locks, so a snapshot that sees
/// position `p` sees every position below it. Reads that need several
/// statements run in one `REPEATABLE READ` snapshot, so the head they report
/// and the entries they return agree: the visibility rule holds. The merge is
/// done by the caller before the write, which keeps the lock short. Because
/// all checks run after the lock is taken (`READ COMMITTED`: each statement
/// sees everything committed before it), the conditional writes cannot race.
///
/// **Other writers.** Acknowledgements and retirements serialise on an
/// advisory transaction lock (the frontier is read, then written); scope
/// epochs on one advisory lock per replica.
///
/// ```swift
/// let database = try await PostgresPool.connect(try PostgresDatabaseURL("postgres://fieldbook@db/fieldbook"))
/// let store = try await PostgresServerStore(database: database)
/// let service = SyncService(store: store, clock: WallClock())
/// ```
public final class PostgresServerStore: ServerStore {
    /// The database (pool) the store runs on.
    public let database: PostgresPool
    var logger: Logger { database.logger }

    /// Uses `database`, migrating it to the newest layout first.
    public init(database: PostgresPool) async throws {
        self.database = database
        try await database.migrate(PostgresStoreMigrations.all)
    }

    // MARK: Decisions

    public func decision(for dot: Dot) async throws -> StoredDecision? {
        try await database.transaction(.single) { connection in try await self.decision(for: dot, on: connection) }
    }

    public func decidedCounter(of replica: ReplicaID) async throws -> UInt64 {
        try await database.transaction(.single) { connection in try await self.decidedCounter(of: replica, on: connection) }
    }

    public func acceptedDots(among dots: Set<Dot>) async throws -> Set<Dot> {
        guard !dots.isEmpty else { return [] }
        let list = Array(dots)
        let replicas = list.map(\.replica.rawValue)
        let counters = list.map { Int64(clamping: $0.counter) }
        return try await database.transaction(.single) { connection in
            let rows = try await connection.query(
                """
                SELECT d.replica, d.counter FROM decision d
                JOIN unnest(\(replicas)::text[], \(counters)::bigint[]) AS wanted (replica, counter)
                    ON d.replica = wanted.replica AND d.counter = wanted.counter
                WHERE d.accepted_seq IS NOT NULL
                """,
                logger: self.logger
            )
            var accepted: Set<Dot> = []
            for try await (replica, counter) in rows.decode((String, Int64).self) {
                accepted.insert(Dot(replica: ReplicaID(unchecked: replica), counter: UInt64(counter)))
            }
            return accepted
        }
    }

    public func recordRejection(_ rejection: Rejection, digest: ChangeDigest, of dot: Dot) async throws {
        try await database.transaction { connection in
            try await self.lockLogHead(on: connection)
            try await self.checkNext(dot, on: connection)
            try await connection.query(
                """
                INSERT INTO decision (replica, counter, code, reason, digest)
                VALUES (\(dot.replica.rawValue), \(Int64(clamping: dot.counter)), \(rejection.code.rawValue), \(rejection.reason), \(digest.hex))
                """,
                logger: self.logger
            )
            try await self.setDecidedCounter(dot, on: connection)
        }
    }

    // MARK: Records

    public func record(_ id: String) async throws -> RecordLookup {
        try await database.transaction(.single) { connection in try await self.lookup(id, on: connection) }
    }

    public func records(after id: String?, limit: Int) async throws -> [StoredRecord] {
        try await database.transaction(.single) { connection in
            let rows = try await connection.query(
                """
                SELECT state, revision FROM record
                WHERE NOT purged AND (\(id)::text IS NULL OR id > \(id)::text)
                ORDER BY id LIMIT \(Int64(max(1, limit)))
                """,
                logger: self.logger
            )
            var records: [StoredRecord] = []
            for try await (state, revision) in rows.decode((ByteBuffer, Int64).self) {
                records.append(StoredRecord(state: try Self.decodeState(state), revision: Self.position(revision)))
            }
            return records
        }
    }

    public func purgeRecord(_ id: String, revision: LogPosition) async throws {
        try await database.transaction { connection in
            try await self.lockLogHead(on: connection)
            guard case .live(let record) = try await self.lookup(id, on: connection), record.revision == revision else {
                throw ServerStoreError.recordChanged(record: id, expected: revision)
            }
            try await connection.query(
                "UPDATE record SET state = NULL, revision = NULL, purged = true WHERE id = \(id)", logger: self.logger
            )
            try await connection.query("DELETE FROM scope_entry WHERE record = \(id)", logger: self.logger)
            try await connection.query("DELETE FROM scope_key WHERE record = \(id)", logger: self.logger)
        }
    }
}
