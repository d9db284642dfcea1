import FieldbookServerCore
import FieldbookSync
import NIOCore
import PostgresNIO

/// ``PostgresServerStore/commitAccepted(_:)``: scheme A in few round trips,
/// since every statement runs while the `log_head` lock is held.
extension PostgresServerStore {
    public func commitAccepted(_ commit: AcceptedCommit) async throws -> LogPosition {
        let change = commit.change
        let changeBytes = Self.bytes(StorageCodec.encode(change))
        let stateBytes = Self.bytes(StorageCodec.encode(commit.state))
        let replica = change.dot.replica.rawValue
        let counter = Int64(clamping: change.dot.counter)
        let baseRoot = commit.scope?.root.rawValue ?? ""
        return try await database.transaction { connection in
            // Scheme A: the position is taken first, under the `log_head` row lock held
            // until COMMIT; every statement below then sees all earlier commits.
            var taken: Int64?
            let bumped = try await connection.query(
                "UPDATE log_head SET seq = seq + 1 WHERE singleton = 1 RETURNING seq", logger: self.logger
            )
            for try await seq in bumped.decode(Int64.self) { taken = seq }
            guard let seq = taken else { throw ServerStoreError.unavailable(reason: "log_head has no row") }

            // Everything the checks and the scope index need, in one statement.
            let facts = try await connection.query(
                """
                SELECT EXISTS (SELECT 1 FROM decision WHERE replica = \(replica) AND counter = \(counter)),
                    coalesce((SELECT counter FROM decided_counter WHERE replica = \(replica)), 0),
                    (SELECT revision FROM record WHERE id = \(change.record)),
                    coalesce((SELECT purged FROM record WHERE id = \(change.record)), false),
                    (SELECT root FROM scope_entry WHERE record = \(change.record)),
                    (SELECT root FROM scope_entry WHERE record = \(commit.scope?.parent)::text),
                    EXISTS (
                        SELECT 1 FROM scope_entry WHERE parent = \(change.record) AND root <> coalesce(
                            (SELECT root FROM scope_entry WHERE record = \(commit.scope?.parent)::text), \(baseRoot)::text)
                    )
                """,
                logger: self.logger
            )
            var found: (Bool, Int64, Int64?, Bool, String?, String?, Bool)?
            for try await row in facts.decode((Bool, Int64, Int64?, Bool, String?, String?, Bool).self) { found = row }
            guard let (decided, through, revision, purged, oldRoot, parentRoot, childrenDiffer) = found else {
                throw ServerStoreError.unavailable(reason: "commit checks returned no row")
            }
            if decided { throw ServerStoreError.dotAlreadyDecided(change.dot) }
            guard change.dot.counter == UInt64(through) + 1 else {
                throw ServerStoreError.counterNotNext(change.dot, decidedThrough: UInt64(through))
            }
            guard !purged, revision.map(Self.position) == commit.expectedRevision else {
                throw ServerStoreError.recordChanged(record: change.record, expected: commit.expectedRevision)
            }

            var statement = StatementBuilder()
            let id = try statement.bind(change.record)
            let position = try statement.bind(seq)
            let replicaBind = try statement.bind(replica)
            let counterBind = try statement.bind(counter)
            statement.sql = """
                WITH logged AS (
                    INSERT INTO change_log (seq, replica, counter, change)
                    VALUES (\(position), \(replicaBind), \(counterBind), \(try statement.bind(changeBytes)))
                ), stored AS (
                    INSERT INTO record (id, entity, state, revision, purged)
                    VALUES (\(id), \(try statement.bind(commit.state.entity)), \(try statement.bind(stateBytes)), \(position), false)
                    ON CONFLICT (id) DO UPDATE SET entity = excluded.entity, state = excluded.state, revision = excluded.revision
                ), decided AS (
                    INSERT INTO decision (replica, counter, accepted_seq, digest)
                    VALUES (\(replicaBind), \(counterBind), \(position), \(try statement.bind(commit.digest.hex)))
                ), counted AS (
                    INSERT INTO decided_counter (replica, counter) VALUES (\(replicaBind), \(counterBind))
                    ON CONFLICT (replica) DO UPDATE SET counter = excluded.counter
                )
                """
            var root: String?
            if let scope = commit.scope {
                let newRoot = parentRoot ?? scope.root.rawValue
                root = newRoot
                let keys = try statement.bind(Array(scope.keys))
                statement.sql += """
                    , unkeyed AS (
                        DELETE FROM scope_key WHERE record = \(id) AND NOT (key = ANY(\(keys)::text[]))
                    ), keyed AS (
                        INSERT INTO scope_key (key, record) SELECT key, \(id) FROM unnest(\(keys)::text[]) AS key
                        ON CONFLICT DO NOTHING
                    ), entry AS (
                        INSERT INTO scope_entry (record, entity, base_root, parent, creator, root)
                        VALUES (\(id), \(try statement.bind(commit.state.entity)), \(try statement.bind(scope.root.rawValue)),
                            \(try statement.bind(scope.parent))::text, \(try statement.bind(scope.creator))::text, \(try statement.bind(newRoot)))
                        ON CONFLICT (record) DO UPDATE SET entity = excluded.entity, base_root = excluded.base_root,
                            parent = excluded.parent, creator = excluded.creator, root = excluded.root
                    )
                    """
            }
            statement.sql += " SELECT 1"
            try await connection.query(statement.query, logger: self.logger)
            // The root moved, or records naming this one as parent carry another root: log and cascade.
            if let root, (oldRoot != nil && oldRoot != root) || childrenDiffer {
                var visited: Set<String> = []
                try await self.move(
                    change.record, entity: commit.state.entity, from: oldRoot, to: root, seq: seq, visited: &visited, on: connection
                )
            }
            return Self.position(seq)
        }
    }
}

/// SQL text with numbered parameters, for statements assembled from parts.
struct StatementBuilder {
    var sql = ""
    private(set) var binds = PostgresBindings()

    /// Binds `value` and returns its placeholder (`$n`).
    mutating func bind<Value: PostgresThrowingDynamicTypeEncodable>(_ value: Value) throws -> String {
        try binds.append(value)
        return "$\(binds.count)"
    }

    /// Binds `value` or NULL and returns its placeholder.
    mutating func bind<Value: PostgresThrowingDynamicTypeEncodable>(_ value: Value?) throws -> String {
        try binds.append(value)
        return "$\(binds.count)"
    }

    var query: PostgresQuery { PostgresQuery(unsafeSQL: sql, binds: binds) }
}
