import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookSync
import Foundation
import NIOCore
import PostgresNIO

/// The SQL behind ``PostgresServerStore``'s methods, run inside their
/// transactions, and the encodings of stored values.
extension PostgresServerStore {
    // MARK: Locks

    /// Takes the `log_head` row lock (held until commit) without moving the head.
    func lockLogHead(on connection: PostgresConnection) async throws {
        try await connection.query("SELECT seq FROM log_head WHERE singleton = 1 FOR UPDATE", logger: logger)
    }

    // MARK: Queries

    func decision(for dot: Dot, on connection: PostgresConnection) async throws -> StoredDecision? {
        let rows = try await connection.query(
            """
            SELECT accepted_seq, code, reason, digest FROM decision
            WHERE replica = \(dot.replica.rawValue) AND counter = \(Int64(clamping: dot.counter))
            """,
            logger: logger
        )
        for try await (seq, code, reason, digestHex) in rows.decode((Int64?, String?, String?, String).self) {
            guard let digest = ChangeDigest(hex: digestHex) else {
                throw ServerStoreError.unavailable(reason: "unreadable digest for dot \(dot)")
            }
            let outcome: StoredDecision.Outcome =
                if let seq { .accepted(Self.position(seq)) } else {
                    .rejected(Rejection(WireErrorCode(rawValue: code ?? ""), reason ?? ""))
                }
            return StoredDecision(dot: dot, outcome: outcome, digest: digest)
        }
        return nil
    }

    func decidedCounter(of replica: ReplicaID, on connection: PostgresConnection) async throws -> UInt64 {
        let rows = try await connection.query(
            "SELECT counter FROM decided_counter WHERE replica = \(replica.rawValue)", logger: logger
        )
        for try await counter in rows.decode(Int64.self) { return UInt64(counter) }
        return 0
    }

    /// Throws unless `dot` is undecided and its replica's next counter.
    func checkNext(_ dot: Dot, on connection: PostgresConnection) async throws {
        let rows = try await connection.query(
            """
            SELECT EXISTS (SELECT 1 FROM decision WHERE replica = \(dot.replica.rawValue) AND counter = \(Int64(clamping: dot.counter))),
                coalesce((SELECT counter FROM decided_counter WHERE replica = \(dot.replica.rawValue)), 0)
            """,
            logger: logger
        )
        for try await (decided, through) in rows.decode((Bool, Int64).self) {
            if decided { throw ServerStoreError.dotAlreadyDecided(dot) }
            guard dot.counter == UInt64(through) + 1 else {
                throw ServerStoreError.counterNotNext(dot, decidedThrough: UInt64(through))
            }
        }
    }

    func setDecidedCounter(_ dot: Dot, on connection: PostgresConnection) async throws {
        try await connection.query(
            """
            INSERT INTO decided_counter (replica, counter) VALUES (\(dot.replica.rawValue), \(Int64(clamping: dot.counter)))
            ON CONFLICT (replica) DO UPDATE SET counter = excluded.counter
            """,
            logger: logger
        )
    }

    func lookup(_ id: String, on connection: PostgresConnection) async throws -> RecordLookup {
        let rows = try await connection.query(
            "SELECT entity, state, revision, purged FROM record WHERE id = \(id)", logger: logger
        )
        for try await (entity, state, revision, purged) in rows.decode((String, ByteBuffer?, Int64?, Bool).self) {
            if purged { return .purged(RecordRef(entity: entity, id: id)) }
            guard let state, let revision else { throw ServerStoreError.unavailable(reason: "record \(id) has no state") }
            return .live(StoredRecord(state: try Self.decodeState(state), revision: Self.position(revision)))
        }
        return .absent
    }

    func head(on connection: PostgresConnection) async throws -> (head: LogPosition, floor: LogPosition) {
        let rows = try await connection.query("SELECT seq, floor FROM log_head WHERE singleton = 1", logger: logger)
        for try await (seq, floor) in rows.decode((Int64, Int64).self) { return (Self.position(seq), Self.position(floor)) }
        throw ServerStoreError.unavailable(reason: "log_head has no row")
    }

    func floorVector(on connection: PostgresConnection) async throws -> VersionVector {
        var vector = VersionVector()
        let rows = try await connection.query("SELECT replica, counter FROM floor_vector", logger: logger)
        for try await (replica, counter) in rows.decode((String, Int64).self) {
            vector.add(Dot(replica: ReplicaID(unchecked: replica), counter: UInt64(counter)))
        }
        return vector
    }

    func frontierState(on connection: PostgresConnection) async throws -> FrontierState {
        var state = FrontierState()
        let acknowledgements = try await connection.query(
            "SELECT replica, position, vector FROM acknowledgement", logger: logger
        )
        for try await (text, position, vector) in acknowledgements.decode((String, Int64, String).self) {
            let replica = ReplicaID(unchecked: text)
            state.acknowledgements[replica] = Acknowledgement(
                replica: replica, position: Self.position(position), vector: try Self.decodeVector(vector)
            )
        }
        for try await replica in try await connection.query("SELECT replica FROM needs_resync", logger: logger).decode(String.self) {
            state.needsResync.insert(ReplicaID(unchecked: replica))
        }
        return state
    }

    // MARK: Encoding

    static func position(_ value: Int64) -> LogPosition { LogPosition(rawValue: UInt64(max(0, value))) }

    static func clampedInt64(_ position: LogPosition) -> Int64 { Int64(clamping: position.rawValue) }

    static func bytes(_ bytes: [UInt8]) -> ByteBuffer { ByteBuffer(bytes: bytes) }

    static func decodeState(_ buffer: ByteBuffer) throws -> RecordState {
        try StorageCodec.recordState(from: Array(buffer.readableBytesView))
    }

    static func decodeChange(_ buffer: ByteBuffer) throws -> Change {
        try StorageCodec.change(from: Array(buffer.readableBytesView))
    }

    static func encodeVector(_ vector: VersionVector) throws -> String {
        String(decoding: try JSONEncoder().encode(vector), as: UTF8.self)
    }

    static func decodeVector(_ text: String) throws -> VersionVector {
        try JSONDecoder().decode(VersionVector.self, from: Data(text.utf8))
    }
}
