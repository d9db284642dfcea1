import FieldbookServerCore
import FieldbookSync
import GRDB

/// The server database layout, as append-only GRDB migrations. Never edit a
/// shipped migration: add the next one.
///
/// `server-v1`:
/// - `log_head`: one row holding the last assigned log position (`seq`), the
///   compaction floor and nothing else. Appenders bump `seq` inside their
///   write transaction (SYNC.md §11.4 scheme A).
/// - `change_log`: the log after the floor; `change` is a FieldbookSync
///   storage-codec blob (`StorageCodec.encode`).
/// - `floor_vector`: per replica, the highest counter in the dropped prefix.
/// - `record`: live records (`state` a storage-codec blob, `revision` the
///   log position of the last merged change) and purge stubs (`state` and
///   `revision` NULL, `purged` = 1). `id` has the BINARY collation, which
///   compares UTF-8 bytes: bytewise order (SYNC.md §1).
/// - `decision` and `decided_counter`: the final decision per dot and the
///   dense decided prefix per replica.
/// - `acknowledgement` and `needs_resync`: the frontier state (SYNC.md §9).
///
/// `server-v2` (scopes, SYNC.md §11.5):
/// - `scope_entry`: per indexed record its facts (`base_root`, `parent`,
///   `creator`) and effective `root`; indexed by root (scoped snapshot pages)
///   and by parent (roots following a moved parent).
/// - `scope_key`: look-up keys (`acct.owner:…`, `acct.territory:…`, `user.team:…`) per record.
/// - `root_change`: effective-root changes by log position; dropped with the log.
/// - `scope_epoch`: the roots each replica was served at, newline-separated.
/// - Existing live records are indexed with ``ScopeRules/standard`` (creator
///   unknown); parents are resolved one level deep.
///
/// `server-v3`: `change_log_replica` on `change_log (replica, counter)`, so
/// the log vector of a prefix (acknowledgements, every pull) is one index
/// probe per replica instead of a scan of the whole log.
enum ServerMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("server-v1") { db in try createV1(db) }
        migrator.registerMigration("server-v2") { db in try createV2(db) }
        migrator.registerMigration("server-v3") { db in
            try db.execute(sql: "CREATE INDEX change_log_replica ON change_log (replica, counter)")
        }
        return migrator
    }

    static func createV1(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE log_head (
                    singleton INTEGER PRIMARY KEY NOT NULL CHECK (singleton = 1),
                    seq INTEGER NOT NULL CHECK (seq >= 0),
                    floor INTEGER NOT NULL CHECK (floor >= 0 AND floor <= seq)
                );
                INSERT INTO log_head (singleton, seq, floor) VALUES (1, 0, 0);
                CREATE TABLE change_log (
                    seq INTEGER PRIMARY KEY NOT NULL,
                    replica TEXT NOT NULL,
                    counter INTEGER NOT NULL,
                    change BLOB NOT NULL
                );
                CREATE TABLE floor_vector (
                    replica TEXT PRIMARY KEY NOT NULL,
                    counter INTEGER NOT NULL
                ) WITHOUT ROWID;
                CREATE TABLE record (
                    id TEXT PRIMARY KEY NOT NULL COLLATE BINARY,
                    entity TEXT NOT NULL,
                    state BLOB,
                    revision INTEGER,
                    purged INTEGER NOT NULL DEFAULT 0 CHECK (purged IN (0, 1)),
                    CHECK ((purged = 0) = (state IS NOT NULL AND revision IS NOT NULL))
                ) WITHOUT ROWID;
                CREATE TABLE decision (
                    replica TEXT NOT NULL,
                    counter INTEGER NOT NULL,
                    accepted_seq INTEGER,
                    code TEXT,
                    reason TEXT,
                    digest TEXT NOT NULL,
                    PRIMARY KEY (replica, counter),
                    CHECK ((accepted_seq IS NULL) = (code IS NOT NULL AND reason IS NOT NULL))
                ) WITHOUT ROWID;
                CREATE TABLE decided_counter (
                    replica TEXT PRIMARY KEY NOT NULL,
                    counter INTEGER NOT NULL
                ) WITHOUT ROWID;
                CREATE TABLE acknowledgement (
                    replica TEXT PRIMARY KEY NOT NULL,
                    position INTEGER NOT NULL,
                    vector TEXT NOT NULL
                ) WITHOUT ROWID;
                CREATE TABLE needs_resync (
                    replica TEXT PRIMARY KEY NOT NULL
                ) WITHOUT ROWID;
                """
        )
    }

    static func createV2(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE scope_entry (
                    record TEXT PRIMARY KEY NOT NULL COLLATE BINARY,
                    entity TEXT NOT NULL,
                    base_root TEXT NOT NULL,
                    parent TEXT,
                    creator TEXT,
                    root TEXT NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX scope_entry_root ON scope_entry (root, record);
                CREATE INDEX scope_entry_parent ON scope_entry (parent) WHERE parent IS NOT NULL;
                CREATE TABLE scope_key (
                    key TEXT NOT NULL,
                    record TEXT NOT NULL,
                    PRIMARY KEY (key, record)
                ) WITHOUT ROWID;
                CREATE INDEX scope_key_record ON scope_key (record);
                CREATE TABLE root_change (
                    seq INTEGER NOT NULL,
                    record TEXT NOT NULL COLLATE BINARY,
                    entity TEXT NOT NULL,
                    from_root TEXT NOT NULL,
                    to_root TEXT NOT NULL,
                    PRIMARY KEY (seq, record)
                ) WITHOUT ROWID;
                CREATE TABLE scope_epoch (
                    replica TEXT NOT NULL,
                    epoch INTEGER NOT NULL,
                    roots TEXT NOT NULL,
                    PRIMARY KEY (replica, epoch)
                ) WITHOUT ROWID;
                """
        )
        try backfillScopeIndex(db)
    }

    /// Indexes the records stored before `server-v2`.
    static func backfillScopeIndex(_ db: Database) throws {
        let rules = ScopeRules.standard
        let records = try Row.fetchCursor(db, sql: "SELECT state FROM record WHERE purged = 0")
        let insertEntry = try db.makeStatement(
            sql: "INSERT INTO scope_entry (record, entity, base_root, parent, creator, root) VALUES (?, ?, ?, ?, NULL, ?)"
        )
        let insertKey = try db.makeStatement(sql: "INSERT INTO scope_key (key, record) VALUES (?, ?)")
        while let row = try records.next() {
            let state = try SQLiteServerStore.decodeState(row["state"])
            let facts = rules.facts(for: state, creator: nil)
            try insertEntry.execute(arguments: [state.id, state.entity, facts.root.rawValue, facts.parent, facts.root.rawValue])
            for key in facts.keys { try insertKey.execute(arguments: [key, state.id]) }
        }
        try db.execute(
            sql: """
                UPDATE scope_entry SET root = (SELECT p.root FROM scope_entry p WHERE p.record = scope_entry.parent)
                WHERE parent IS NOT NULL AND EXISTS (SELECT 1 FROM scope_entry p WHERE p.record = scope_entry.parent)
                """
        )
    }
}
