import FieldbookProtocol
import FieldbookServerCore
import FieldbookSync
import NIOCore
import PostgresNIO

/// The scope index of ``PostgresServerStore`` (SYNC.md §11.5).
extension PostgresServerStore {
    public func scopeEntry(of id: String) async throws -> ScopeEntry? {
        try await database.transaction(.single) { connection in
            let rows = try await connection.query(
                """
                SELECT entity, base_root, parent, creator, root, ARRAY(SELECT key FROM scope_key WHERE record = \(id))
                FROM scope_entry WHERE record = \(id)
                """,
                logger: self.logger
            )
            for try await (entity, baseRoot, parent, creator, root, keys) in rows.decode(
                (String, String, String?, String?, String, [String]).self
            ) {
                let facts = ScopeFacts(root: ScopeRoot(rawValue: baseRoot), parent: parent, keys: Set(keys), creator: creator)
                return ScopeEntry(entity: entity, facts: facts, root: ScopeRoot(rawValue: root))
            }
            return nil
        }
    }

    public func scopeRoots(of ids: Set<String>) async throws -> [String: ScopeRoot] {
        guard !ids.isEmpty else { return [:] }
        let list = Array(ids)
        return try await database.transaction(.single) { connection in
            let rows = try await connection.query(
                "SELECT record, root FROM scope_entry WHERE record = ANY(\(list)::text[])", logger: self.logger
            )
            var roots: [String: ScopeRoot] = [:]
            for try await (record, root) in rows.decode((String, String).self) { roots[record] = ScopeRoot(rawValue: root) }
            return roots
        }
    }

    public func records(withScopeKeys keys: Set<String>) async throws -> Set<String> {
        guard !keys.isEmpty else { return [] }
        let list = Array(keys)
        return try await database.transaction(.single) { connection in
            let rows = try await connection.query(
                "SELECT DISTINCT record FROM scope_key WHERE key = ANY(\(list)::text[])", logger: self.logger
            )
            var records: Set<String> = []
            for try await record in rows.decode(String.self) { records.insert(record) }
            return records
        }
    }

    public func scopedRecords(in roots: Set<ScopeRoot>, after id: String?, limit: Int) async throws -> [ScopedRecord] {
        guard !roots.isEmpty else { return [] }
        let list = roots.map(\.rawValue)
        return try await database.transaction(.single) { connection in
            // One statement: each record and its root are read from the same snapshot.
            let rows = try await connection.query(
                """
                SELECT r.state, r.revision, s.root FROM scope_entry s JOIN record r ON r.id = s.record
                WHERE s.root = ANY(\(list)::text[]) AND (\(id)::text IS NULL OR s.record > \(id)::text) AND NOT r.purged
                ORDER BY s.record LIMIT \(Int64(max(1, limit)))
                """,
                logger: self.logger
            )
            var records: [ScopedRecord] = []
            for try await (state, revision, root) in rows.decode((ByteBuffer, Int64, String).self) {
                records.append(
                    ScopedRecord(
                        record: StoredRecord(state: try Self.decodeState(state), revision: Self.position(revision)),
                        root: ScopeRoot(rawValue: root)
                    )
                )
            }
            return records
        }
    }

    public func rootChanges(after: LogPosition, through: LogPosition) async throws -> [RootChange] {
        try await database.transaction(.snapshot) { connection in
            let floor = try await self.head(on: connection).floor
            guard after >= floor else { throw ServerStoreError.logCompacted(requested: after, floor: floor) }
            let rows = try await connection.query(
                """
                SELECT seq, record, entity, from_root, to_root FROM root_change
                WHERE seq > \(Self.clampedInt64(after)) AND seq <= \(Self.clampedInt64(through)) ORDER BY seq, record
                """,
                logger: self.logger
            )
            var changes: [RootChange] = []
            for try await (seq, record, entity, from, to) in rows.decode((Int64, String, String, String, String).self) {
                changes.append(
                    RootChange(
                        position: Self.position(seq), record: RecordRef(entity: entity, id: record),
                        from: ScopeRoot(rawValue: from), to: ScopeRoot(rawValue: to)
                    )
                )
            }
            return changes
        }
    }

    public func saveScopeEpoch(_ roots: Set<ScopeRoot>, for replica: ReplicaID, keeping: Int) async throws -> UInt64 {
        let text = roots.map(\.rawValue).sorted().joined(separator: "\n")
        return try await database.transaction { connection in
            // One replica's epochs are numbered by one writer at a time.
            try await connection.query(
                "SELECT pg_advisory_xact_lock(\(self.database.lockKey("epoch:\(replica.rawValue)")))", logger: self.logger
            )
            var number: Int64 = 1
            let rows = try await connection.query(
                "INSERT INTO scope_epoch (replica, epoch, roots) SELECT \(replica.rawValue), coalesce(MAX(epoch), 0) + 1, \(text) FROM scope_epoch WHERE replica = \(replica.rawValue) RETURNING epoch",
                logger: self.logger
            )
            for try await epoch in rows.decode(Int64.self) { number = epoch }
            try await connection.query(
                "DELETE FROM scope_epoch WHERE replica = \(replica.rawValue) AND epoch <= \(number - Int64(max(1, keeping)))",
                logger: self.logger
            )
            return UInt64(number)
        }
    }

    public func scopeEpoch(_ epoch: UInt64, of replica: ReplicaID) async throws -> Set<ScopeRoot>? {
        try await database.transaction(.single) { connection in
            let rows = try await connection.query(
                "SELECT roots FROM scope_epoch WHERE replica = \(replica.rawValue) AND epoch = \(Int64(clamping: epoch))",
                logger: self.logger
            )
            for try await roots in rows.decode(String.self) { return Self.roots(roots) }
            return nil
        }
    }

    public func latestScopeEpoch(of replica: ReplicaID) async throws -> ScopeEpoch? {
        try await database.transaction(.single) { connection in
            let rows = try await connection.query(
                "SELECT epoch, roots FROM scope_epoch WHERE replica = \(replica.rawValue) ORDER BY epoch DESC LIMIT 1",
                logger: self.logger
            )
            for try await (epoch, roots) in rows.decode((Int64, String).self) {
                return ScopeEpoch(number: UInt64(epoch), roots: Self.roots(roots))
            }
            return nil
        }
    }

    // MARK: Writing the index

    /// Logs `id`'s move and moves the records inheriting its root along (recursively).
    func move(
        _ id: String, entity: String, from old: String?, to root: String, seq: Int64, visited: inout Set<String>,
        on connection: PostgresConnection
    ) async throws {
        guard visited.insert(id).inserted else { return }
        if let old, old != root {
            try await connection.query(
                """
                INSERT INTO root_change (seq, record, entity, from_root, to_root) VALUES (\(seq), \(id), \(entity), \(old), \(root))
                """,
                logger: logger
            )
        }
        let rows = try await connection.query(
            "SELECT record, entity, root FROM scope_entry WHERE parent = \(id) AND root <> \(root) ORDER BY record", logger: logger
        )
        var children: [(String, String, String)] = []
        for try await child in rows.decode((String, String, String).self) { children.append(child) }
        for (childID, childEntity, childRoot) in children {
            try await connection.query("UPDATE scope_entry SET root = \(root) WHERE record = \(childID)", logger: logger)
            try await move(childID, entity: childEntity, from: childRoot, to: root, seq: seq, visited: &visited, on: connection)
        }
    }

    static func roots(_ text: String) -> Set<ScopeRoot> {
        Set(text.split(separator: "\n").map { ScopeRoot(rawValue: String($0)) })
    }
}
