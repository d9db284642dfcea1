import FieldbookServerCore
import FieldbookSync
import NIOCore
import PostgresNIO

/// The log of ``PostgresServerStore``: reads, vectors, truncation (commits: `+Commit`).
extension PostgresServerStore {
    public func readLog(after position: LogPosition, limit: Int, excludingAuthor: ReplicaID?) async throws -> LogSlice {
        try await database.transaction(.snapshot) { connection in
            // One snapshot: the head and the entries are read from the same committed state.
            let (head, floor) = try await self.head(on: connection)
            guard position >= floor else { throw ServerStoreError.logCompacted(requested: position, floor: floor) }
            let limit = max(1, limit)
            let rows = try await connection.query(
                """
                SELECT seq, change FROM change_log
                WHERE seq > \(Self.clampedInt64(position)) AND (\(excludingAuthor?.rawValue)::text IS NULL OR replica <> \(excludingAuthor?.rawValue)::text)
                ORDER BY seq LIMIT \(Int64(limit + 1))
                """,
                logger: self.logger
            )
            var entries: [LogEntry] = []
            var more = false
            for try await (seq, change) in rows.decode((Int64, ByteBuffer).self) {
                guard entries.count < limit else {
                    more = true
                    break
                }
                entries.append(LogEntry(position: Self.position(seq), change: try Self.decodeChange(change)))
            }
            if more { return LogSlice(entries: entries, scannedThrough: entries[limit - 1].position, hasMore: true) }
            return LogSlice(entries: entries, scannedThrough: max(head, position), hasMore: false)
        }
    }

    public func logHead() async throws -> LogPosition {
        try await database.transaction(.single) { connection in try await self.head(on: connection).head }
    }

    public func logVector(through position: LogPosition) async throws -> VersionVector {
        try await database.transaction(.snapshot) { connection in
            let floor = try await self.head(on: connection).floor
            guard position >= floor else { throw ServerStoreError.logCompacted(requested: position, floor: floor) }
            var vector = try await self.floorVector(on: connection)
            // Per replica, its highest logged counter at or below `position` (index `change_log_replica`).
            let rows = try await connection.query(
                """
                SELECT d.replica, (
                    SELECT c.counter FROM change_log c
                    WHERE c.replica = d.replica AND c.seq <= \(Self.clampedInt64(position)) ORDER BY c.counter DESC LIMIT 1
                ) FROM decided_counter d
                """,
                logger: self.logger
            )
            for try await (replica, counter) in rows.decode((String, Int64?).self) {
                guard let counter else { continue }
                vector.add(Dot(replica: ReplicaID(unchecked: replica), counter: UInt64(counter)))
            }
            return vector
        }
    }

    public func truncateLog(through position: LogPosition) async throws {
        try await database.transaction { connection in
            try await self.lockLogHead(on: connection)
            let (head, floor) = try await self.head(on: connection)
            let position = min(position, head)
            guard position > floor else { return }
            let seq = Self.clampedInt64(position)
            try await connection.query(
                """
                INSERT INTO floor_vector (replica, counter)
                SELECT replica, MAX(counter) FROM change_log WHERE seq <= \(seq) GROUP BY replica
                ON CONFLICT (replica) DO UPDATE SET counter = GREATEST(floor_vector.counter, excluded.counter)
                """,
                logger: self.logger
            )
            try await connection.query("DELETE FROM change_log WHERE seq <= \(seq)", logger: self.logger)
            try await connection.query("DELETE FROM root_change WHERE seq <= \(seq)", logger: self.logger)
            try await connection.query("UPDATE log_head SET floor = \(seq) WHERE singleton = 1", logger: self.logger)
        }
    }
}
