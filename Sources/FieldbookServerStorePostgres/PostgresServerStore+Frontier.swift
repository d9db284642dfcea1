import FieldbookServerCore
import FieldbookSync
import PostgresNIO

/// The stability frontier of ``PostgresServerStore`` (SYNC.md §9). Writers
/// serialise on one advisory transaction lock: admission reads the whole
/// frontier before it writes.
extension PostgresServerStore {
    public func acknowledge(_ acknowledgement: Acknowledgement) async throws -> AcknowledgementOutcome {
        try await database.transaction { connection in
            try await self.lockFrontier(on: connection)
            let frontier = try await self.frontierState(on: connection)
            let replica = acknowledgement.replica
            let recorded: Acknowledgement
            switch frontier.recording(acknowledgement) {
            case .success(let accepted): recorded = accepted
            case .failure(let refusal): return refusal.outcome
            }
            let vector = try Self.encodeVector(recorded.vector)
            try await connection.query(
                """
                INSERT INTO acknowledgement (replica, position, vector)
                VALUES (\(replica.rawValue), \(Self.clampedInt64(recorded.position)), \(vector))
                ON CONFLICT (replica) DO UPDATE SET position = excluded.position, vector = excluded.vector
                """,
                logger: self.logger
            )
            return .recorded
        }
    }

    public func frontierState() async throws -> FrontierState {
        try await database.transaction(.snapshot) { connection in try await self.frontierState(on: connection) }
    }

    public func retire(_ replica: ReplicaID) async throws {
        try await database.transaction { connection in
            try await self.lockFrontier(on: connection)
            try await connection.query("DELETE FROM acknowledgement WHERE replica = \(replica.rawValue)", logger: self.logger)
            try await connection.query(
                "INSERT INTO needs_resync (replica) VALUES (\(replica.rawValue)) ON CONFLICT DO NOTHING", logger: self.logger
            )
        }
    }

    public func beginResync(_ replica: ReplicaID) async throws {
        try await database.transaction { connection in
            try await self.lockFrontier(on: connection)
            try await connection.query("DELETE FROM needs_resync WHERE replica = \(replica.rawValue)", logger: self.logger)
        }
    }

    private func lockFrontier(on connection: PostgresConnection) async throws {
        try await connection.query("SELECT pg_advisory_xact_lock(\(database.lockKey("frontier")))", logger: logger)
    }
}
