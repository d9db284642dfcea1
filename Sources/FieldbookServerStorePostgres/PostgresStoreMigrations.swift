/// The PostgreSQL layout of ``PostgresServerStore``, as append-only
/// migrations (``PostgresMigration``). Never edit an applied migration: add the next one.
///
/// `store-v1` is the SQLite layout (`server-v1` … `server-v3`) in PostgreSQL
/// types: positions and counters are `bigint`, blobs `bytea` (FieldbookSync
/// storage codec), and every identifier column that is ordered or compared
/// has the `"C"` collation, which compares UTF-8 bytes: bytewise order (SYNC.md §1).
/// - `log_head`: one row holding the last assigned position and the
///   compaction floor. Every writer of decisions, records or the log updates
///   or locks this row first (SYNC.md §11.4 scheme A): its row lock is held
///   until commit, so position order is commit order.
/// - `change_log`, `floor_vector`, `record`, `decision`, `decided_counter`,
///   `acknowledgement`, `needs_resync`: as in SQLite.
/// - `scope_entry`, `scope_key`, `root_change`, `scope_epoch`: the scope index (SYNC.md §11.5).
enum PostgresStoreMigrations {
    static let all: [PostgresMigration] = [
        PostgresMigration("store-v1", [
            """
            CREATE TABLE log_head (
                singleton integer PRIMARY KEY CHECK (singleton = 1),
                seq bigint NOT NULL CHECK (seq >= 0),
                floor bigint NOT NULL CHECK (floor >= 0 AND floor <= seq)
            )
            """,
            "INSERT INTO log_head (singleton, seq, floor) VALUES (1, 0, 0)",
            """
            CREATE TABLE change_log (
                seq bigint PRIMARY KEY,
                replica text COLLATE "C" NOT NULL,
                counter bigint NOT NULL,
                change bytea NOT NULL
            )
            """,
            "CREATE INDEX change_log_replica ON change_log (replica, counter)",
            "CREATE TABLE floor_vector (replica text COLLATE \"C\" PRIMARY KEY, counter bigint NOT NULL)",
            """
            CREATE TABLE record (
                id text COLLATE "C" PRIMARY KEY,
                entity text NOT NULL,
                state bytea,
                revision bigint,
                purged boolean NOT NULL DEFAULT false,
                CHECK ((NOT purged) = (state IS NOT NULL AND revision IS NOT NULL))
            )
            """,
            """
            CREATE TABLE decision (
                replica text COLLATE "C" NOT NULL,
                counter bigint NOT NULL,
                accepted_seq bigint,
                code text,
                reason text,
                digest text NOT NULL,
                PRIMARY KEY (replica, counter),
                CHECK ((accepted_seq IS NULL) = (code IS NOT NULL AND reason IS NOT NULL))
            )
            """,
            "CREATE TABLE decided_counter (replica text COLLATE \"C\" PRIMARY KEY, counter bigint NOT NULL)",
            """
            CREATE TABLE acknowledgement (
                replica text COLLATE "C" PRIMARY KEY, position bigint NOT NULL, vector text NOT NULL
            )
            """,
            "CREATE TABLE needs_resync (replica text COLLATE \"C\" PRIMARY KEY)",
            """
            CREATE TABLE scope_entry (
                record text COLLATE "C" PRIMARY KEY,
                entity text NOT NULL,
                base_root text COLLATE "C" NOT NULL,
                parent text COLLATE "C",
                creator text,
                root text COLLATE "C" NOT NULL
            )
            """,
            "CREATE INDEX scope_entry_root ON scope_entry (root, record)",
            "CREATE INDEX scope_entry_parent ON scope_entry (parent) WHERE parent IS NOT NULL",
            """
            CREATE TABLE scope_key (
                key text COLLATE "C" NOT NULL, record text COLLATE "C" NOT NULL, PRIMARY KEY (key, record)
            )
            """,
            "CREATE INDEX scope_key_record ON scope_key (record)",
            """
            CREATE TABLE root_change (
                seq bigint NOT NULL,
                record text COLLATE "C" NOT NULL,
                entity text NOT NULL,
                from_root text NOT NULL,
                to_root text NOT NULL,
                PRIMARY KEY (seq, record)
            )
            """,
            """
            CREATE TABLE scope_epoch (
                replica text COLLATE "C" NOT NULL, epoch bigint NOT NULL, roots text NOT NULL,
                PRIMARY KEY (replica, epoch)
            )
            """,
        ])
    ]
}
