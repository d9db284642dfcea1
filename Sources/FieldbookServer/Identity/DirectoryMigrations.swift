import GRDB

/// The layout of `directory.sqlite`, as append-only GRDB migrations. Never
/// edit a shipped migration: add the next one.
///
/// `directory-v1`:
/// - `credential`: one row per user who can sign in: the `user` record's ID,
///   the unique login, the bcrypt hash, the role (kept equal to the record's
///   `role`, both written by ``IdentityService/addUser(_:)``) and the disabled flag.
/// - `device`: one row per device; `replica` is unique (SYNC.md §14: a replica
///   belongs to exactly one device), `token_hash` is the SHA-256 of the
///   current token (NULL after logout or revocation), times are Unix milliseconds.
/// - `team`, `territory`: name (and code) indexes of the `team` and
///   `territory` records, so commands can name them; the records stay the truth.
enum DirectoryMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("directory-v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE credential (
                        user TEXT PRIMARY KEY NOT NULL,
                        login TEXT NOT NULL UNIQUE,
                        password_hash TEXT NOT NULL,
                        role TEXT NOT NULL,
                        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
                        created_at INTEGER NOT NULL
                    ) WITHOUT ROWID;
                    CREATE TABLE device (
                        id TEXT PRIMARY KEY NOT NULL,
                        user TEXT NOT NULL REFERENCES credential(user),
                        name TEXT NOT NULL,
                        replica TEXT NOT NULL UNIQUE,
                        token_hash BLOB UNIQUE,
                        created_at INTEGER NOT NULL,
                        last_seen_at INTEGER,
                        revoked_at INTEGER,
                        CHECK (revoked_at IS NULL OR token_hash IS NULL)
                    ) WITHOUT ROWID;
                    CREATE INDEX device_by_user ON device (user);
                    CREATE TABLE team (
                        id TEXT PRIMARY KEY NOT NULL,
                        name TEXT NOT NULL UNIQUE
                    ) WITHOUT ROWID;
                    CREATE TABLE territory (
                        id TEXT PRIMARY KEY NOT NULL,
                        name TEXT NOT NULL UNIQUE,
                        code TEXT UNIQUE
                    ) WITHOUT ROWID;
                    """
            )
        }
        // directory-v2: calendar feed tokens (SHA-256 only), one per user.
        migrator.registerMigration("directory-v2") { db in
            try db.execute(
                sql: """
                    CREATE TABLE calendar_feed (
                        user TEXT PRIMARY KEY NOT NULL REFERENCES credential(user),
                        token_hash BLOB NOT NULL UNIQUE,
                        created_at INTEGER NOT NULL
                    ) WITHOUT ROWID;
                    """
            )
        }
        return migrator
    }
}
