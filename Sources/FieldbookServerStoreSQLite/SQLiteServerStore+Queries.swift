import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookSync
import Foundation
import GRDB

/// Transactions, the SQL behind ``SQLiteServerStore``'s methods, and the
/// encodings of stored values.
extension SQLiteServerStore {
    // MARK: Transactions

    /// Runs `body` in one read transaction (a WAL snapshot).
    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.read(body)
        } catch let error as DatabaseError {
            throw Self.unavailable(error)
        }
    }

    /// Runs `body` in one `IMMEDIATE` write transaction; a thrown error rolls it back.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.write(body)
        } catch let error as DatabaseError {
            throw Self.unavailable(error)
        }
    }

    static func unavailable(_ error: DatabaseError) -> ServerStoreError {
        // The message names the failure, never bound values.
        .unavailable(reason: "SQLite \(error.resultCode): \(error.message ?? "no message")")
    }

    // MARK: Queries

    static func decision(for dot: Dot, in db: Database) throws -> StoredDecision? {
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(
                    sql: "SELECT accepted_seq, code, reason, digest FROM decision WHERE replica = ? AND counter = ?"),
                arguments: [dot.replica.rawValue, Int64(clamping: dot.counter)]
            )
        else { return nil }
        guard let digest = ChangeDigest(hex: row["digest"]) else {
            throw ServerStoreError.unavailable(reason: "unreadable digest for dot \(dot)")
        }
        let outcome: StoredDecision.Outcome
        if let seq = row["accepted_seq"] as Int64? {
            outcome = .accepted(LogPosition(rawValue: UInt64(seq)))
        } else {
            outcome = .rejected(Rejection(WireErrorCode(rawValue: row["code"]), row["reason"]))
        }
        return StoredDecision(dot: dot, outcome: outcome, digest: digest)
    }

    static func decidedCounter(of replica: ReplicaID, in db: Database) throws -> UInt64 {
        let counter = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT counter FROM decided_counter WHERE replica = ?"), arguments: [replica.rawValue]
        )
        return UInt64(counter ?? 0)
    }

    /// Throws unless `dot` is undecided and its replica's next counter.
    static func checkNext(_ dot: Dot, in db: Database) throws {
        let decided = try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT 1 FROM decision WHERE replica = ? AND counter = ?"),
            arguments: [dot.replica.rawValue, Int64(clamping: dot.counter)]
        )
        if decided != nil { throw ServerStoreError.dotAlreadyDecided(dot) }
        let through = try decidedCounter(of: dot.replica, in: db)
        guard dot.counter == through + 1 else { throw ServerStoreError.counterNotNext(dot, decidedThrough: through) }
    }

    static func setDecidedCounter(_ dot: Dot, in db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO decided_counter (replica, counter) VALUES (?, ?)
                ON CONFLICT (replica) DO UPDATE SET counter = excluded.counter
                """
        ).execute(arguments: [dot.replica.rawValue, Int64(clamping: dot.counter)]
        )
    }

    static func lookup(_ id: String, in db: Database) throws -> RecordLookup {
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT entity, state, revision, purged FROM record WHERE id = ?"), arguments: [id]
            )
        else { return .absent }
        if (row["purged"] as Int64) == 1 { return .purged(RecordRef(entity: row["entity"], id: id)) }
        return .live(StoredRecord(state: try decodeState(row["state"]), revision: position(row["revision"])))
    }

    static func head(in db: Database) throws -> (head: LogPosition, floor: LogPosition) {
        let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT seq, floor FROM log_head WHERE singleton = 1"))!
        return (position(row["seq"]), position(row["floor"]))
    }

    static func floorVector(in db: Database) throws -> VersionVector {
        var vector = VersionVector()
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT replica, counter FROM floor_vector")) {
            vector.add(Dot(replica: ReplicaID(unchecked: row["replica"]), counter: UInt64(row["counter"] as Int64)))
        }
        return vector
    }

    static func frontierState(in db: Database) throws -> FrontierState {
        var state = FrontierState()
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT replica, position, vector FROM acknowledgement")) {
            let replica = ReplicaID(unchecked: row["replica"])
            state.acknowledgements[replica] = Acknowledgement(
                replica: replica, position: position(row["position"]), vector: try decodeVector(row["vector"])
            )
        }
        for replica in try String.fetchAll(db.cachedStatement(sql: "SELECT replica FROM needs_resync")) {
            state.needsResync.insert(ReplicaID(unchecked: replica))
        }
        return state
    }

    // MARK: Encoding

    static func position(_ value: Int64) -> LogPosition { LogPosition(rawValue: UInt64(value)) }

    static func clampedInt64(_ position: LogPosition) -> Int64 { Int64(clamping: position.rawValue) }

    static func decodeState(_ data: Data) throws -> RecordState {
        try StorageCodec.recordState(from: [UInt8](data))
    }

    static func decodeChange(_ data: Data) throws -> Change {
        try StorageCodec.change(from: [UInt8](data))
    }

    static func encodeVector(_ vector: VersionVector) throws -> String {
        String(decoding: try JSONEncoder().encode(vector), as: UTF8.self)
    }

    static func decodeVector(_ text: String) throws -> VersionVector {
        try JSONDecoder().decode(VersionVector.self, from: Data(text.utf8))
    }
}
