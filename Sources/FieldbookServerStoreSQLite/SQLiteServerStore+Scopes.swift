import FieldbookProtocol
import FieldbookServerCore
import FieldbookSync
import Foundation
import GRDB

/// The scope index of ``SQLiteServerStore`` (tables of migration `server-v2`).
extension SQLiteServerStore {
    // MARK: ServerStore scopes

    public func scopeEntry(of id: String) async throws -> ScopeEntry? {
        try await read { db in try Self.scopeEntry(of: id, in: db) }
    }

    static func scopeEntry(of id: String, in db: Database) throws -> ScopeEntry? {
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT entity, base_root, parent, creator, root FROM scope_entry WHERE record = ?"),
                arguments: [id]
            )
        else { return nil }
        let keys = try String.fetchAll(db.cachedStatement(sql: "SELECT key FROM scope_key WHERE record = ?"), arguments: [id])
        let facts = ScopeFacts(
            root: ScopeRoot(rawValue: row["base_root"]), parent: row["parent"], keys: Set(keys), creator: row["creator"]
        )
        return ScopeEntry(entity: row["entity"], facts: facts, root: ScopeRoot(rawValue: row["root"]))
    }

    public func scopeRoots(of ids: Set<String>) async throws -> [String: ScopeRoot] {
        guard !ids.isEmpty else { return [:] }
        let list = try Self.jsonList(ids)
        return try await read { db in
            let rows = try Row.fetchAll(
                db.cachedStatement(sql: "SELECT record, root FROM scope_entry WHERE record IN (SELECT value FROM json_each(?))"),
                arguments: [list]
            )
            return Dictionary(
                rows.map { ($0["record"], ScopeRoot(rawValue: $0["root"])) }, uniquingKeysWith: { first, _ in first })
        }
    }

    public func records(withScopeKeys keys: Set<String>) async throws -> Set<String> {
        guard !keys.isEmpty else { return [] }
        let list = try Self.jsonList(keys)
        return try await read { db in
            Set(
                try String.fetchAll(
                    db.cachedStatement(
                        sql: "SELECT DISTINCT record FROM scope_key WHERE key IN (SELECT value FROM json_each(?))"),
                    arguments: [list]
                )
            )
        }
    }

    /// Most roots for which ``scopedRecords(in:after:limit:)`` looks records up by root and sorts them.
    static let sortedScopeRootLimit = 256

    public func scopedRecords(in roots: Set<ScopeRoot>, after id: String?, limit: Int) async throws -> [ScopedRecord] {
        guard !roots.isEmpty else { return [] }
        let list = try Self.jsonList(Set(roots.map(\.rawValue)))
        // Few roots: collect their records through `scope_entry_root`, then sort (cheap for a
        // small scope in a large store). Many roots (a rep with thousands of accounts): walk
        // the primary key from `id` and test each root (`+` keeps the root index out), which
        // reads only up to the page's end instead of sorting the whole rest of the scope
        // for every page — a download is then one pass over the index, not quadratic.
        let sql =
            roots.count <= Self.sortedScopeRootLimit
            ? """
            SELECT r.state, r.revision, s.root FROM scope_entry s INDEXED BY scope_entry_root JOIN record r ON r.id = s.record
            WHERE s.root IN (SELECT value FROM json_each(?1)) AND (?2 IS NULL OR s.record > ?2) AND r.purged = 0
            ORDER BY s.record LIMIT ?3
            """
            : """
            SELECT r.state, r.revision, s.root FROM scope_entry s JOIN record r ON r.id = s.record
            WHERE +s.root IN (SELECT value FROM json_each(?1)) AND s.record > coalesce(?2, '') AND r.purged = 0
            ORDER BY s.record LIMIT ?3
            """
        return try await read { db in
            let rows = try Row.fetchAll(db, sql: sql, arguments: [list, id, max(1, limit)])
            return try rows.map { row in
                ScopedRecord(
                    record: StoredRecord(state: try Self.decodeState(row["state"]), revision: Self.position(row["revision"])),
                    root: ScopeRoot(rawValue: row["root"])
                )
            }
        }
    }

    public func rootChanges(after: LogPosition, through: LogPosition) async throws -> [RootChange] {
        try await read { db in
            let floor = try Self.head(in: db).floor
            guard after >= floor else { throw ServerStoreError.logCompacted(requested: after, floor: floor) }
            let rows = try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT seq, record, entity, from_root, to_root FROM root_change
                        WHERE seq > ? AND seq <= ? ORDER BY seq, record
                        """),
                arguments: [Self.clampedInt64(after), Self.clampedInt64(through)]
            )
            return rows.map { row in
                RootChange(
                    position: Self.position(row["seq"]), record: RecordRef(entity: row["entity"], id: row["record"]),
                    from: ScopeRoot(rawValue: row["from_root"]), to: ScopeRoot(rawValue: row["to_root"])
                )
            }
        }
    }

    public func saveScopeEpoch(_ roots: Set<ScopeRoot>, for replica: ReplicaID, keeping: Int) async throws -> UInt64 {
        let text = roots.map(\.rawValue).sorted().joined(separator: "\n")
        return try await write { db in
            let last =
                try Int64.fetchOne(
                    db.cachedStatement(sql: "SELECT MAX(epoch) FROM scope_epoch WHERE replica = ?"), arguments: [replica.rawValue]
                ) ?? 0
            let number = last + 1
            try db.cachedStatement(sql: "INSERT INTO scope_epoch (replica, epoch, roots) VALUES (?, ?, ?)").execute(arguments: [
                replica.rawValue, number, text,
            ]
            )
            try db.cachedStatement(sql: "DELETE FROM scope_epoch WHERE replica = ? AND epoch <= ?").execute(arguments: [
                replica.rawValue, number - Int64(max(1, keeping)),
            ]
            )
            return UInt64(number)
        }
    }

    public func scopeEpoch(_ epoch: UInt64, of replica: ReplicaID) async throws -> Set<ScopeRoot>? {
        try await read { db in
            try String.fetchOne(
                db.cachedStatement(sql: "SELECT roots FROM scope_epoch WHERE replica = ? AND epoch = ?"),
                arguments: [replica.rawValue, Int64(clamping: epoch)]
            ).map(Self.roots)
        }
    }

    public func latestScopeEpoch(of replica: ReplicaID) async throws -> ScopeEpoch? {
        try await read { db in
            try Row.fetchOne(
                db.cachedStatement(sql: "SELECT epoch, roots FROM scope_epoch WHERE replica = ? ORDER BY epoch DESC LIMIT 1"),
                arguments: [replica.rawValue]
            ).map { row in ScopeEpoch(number: UInt64(row["epoch"] as Int64), roots: Self.roots(row["roots"])) }
        }
    }

    // MARK: Writing the index

    /// Indexes `facts` for `id` inside the commit of position `seq`, logging every root that changes.
    static func indexScope(_ id: String, entity: String, facts: ScopeFacts, seq: Int64, in db: Database) throws {
        let old = try String.fetchOne(db.cachedStatement(sql: "SELECT root FROM scope_entry WHERE record = ?"), arguments: [id])
        try db.cachedStatement(sql: "DELETE FROM scope_key WHERE record = ?").execute(arguments: [id])
        let insertKey = try db.cachedStatement(sql: "INSERT INTO scope_key (key, record) VALUES (?, ?)")
        for key in facts.keys { try insertKey.execute(arguments: [key, id]) }
        let parentRoot = try facts.parent.flatMap { parent in
            try String.fetchOne(db.cachedStatement(sql: "SELECT root FROM scope_entry WHERE record = ?"), arguments: [parent])
        }
        let root = parentRoot ?? facts.root.rawValue
        try db.cachedStatement(
            sql: """
                INSERT INTO scope_entry (record, entity, base_root, parent, creator, root) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (record) DO UPDATE SET entity = excluded.entity, base_root = excluded.base_root,
                    parent = excluded.parent, creator = excluded.creator, root = excluded.root
                """
        ).execute(arguments: [id, entity, facts.root.rawValue, facts.parent, facts.creator, root]
        )
        var visited: Set<String> = []
        try move(id, entity: entity, from: old, to: root, seq: seq, visited: &visited, in: db)
    }

    /// Logs `id`'s move and moves the records inheriting its root along (recursively).
    private static func move(
        _ id: String, entity: String, from old: String?, to root: String, seq: Int64, visited: inout Set<String>, in db: Database
    ) throws {
        guard visited.insert(id).inserted else { return }
        if let old, old != root {
            try db.cachedStatement(
                sql: "INSERT INTO root_change (seq, record, entity, from_root, to_root) VALUES (?, ?, ?, ?, ?)"
            ).execute(arguments: [seq, id, entity, old, root]
            )
        }
        let children = try Row.fetchAll(
            db.cachedStatement(
                sql: "SELECT record, entity, root FROM scope_entry WHERE parent = ? AND root <> ? ORDER BY record"),
            arguments: [id, root]
        )
        for child in children {
            let childID: String = child["record"]
            try db.cachedStatement(sql: "UPDATE scope_entry SET root = ? WHERE record = ?").execute(arguments: [root, childID])
            try move(childID, entity: child["entity"], from: child["root"], to: root, seq: seq, visited: &visited, in: db)
        }
    }

    // MARK: Encodings

    /// A JSON array of `values`, for `json_each`.
    static func jsonList(_ values: Set<String>) throws -> String {
        String(decoding: try JSONEncoder().encode(values.sorted()), as: UTF8.self)
    }

    static func roots(_ text: String) -> Set<ScopeRoot> {
        Set(text.split(separator: "\n").map { ScopeRoot(rawValue: String($0)) })
    }
}
