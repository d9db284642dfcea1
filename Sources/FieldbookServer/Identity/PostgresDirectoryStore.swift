import FieldbookServerStorePostgres
import Foundation
import Logging
import NIOCore
import PostgresNIO

/// The identity directory in PostgreSQL: the tables of `directory.sqlite`
/// (``DirectoryMigrations``) in the database the sync store uses, so every
/// server instance sees the same users, devices and tokens.
///
/// Semantics are ``DirectoryStore``'s. SQLite serialises writers; here the
/// checks that guard a write take row locks (`FOR SHARE`/`FOR UPDATE`) or an
/// advisory lock per replica, and unique constraints settle the rest
/// (`INSERT … ON CONFLICT DO NOTHING`, then `conflict`).
final class PostgresDirectoryStore: DirectoryStorage {
    let database: PostgresPool
    var logger: Logger { database.logger }

    /// Uses `database`, applying the directory migrations first.
    init(database: PostgresPool) async throws {
        self.database = database
        try await database.migrate(Self.migrations)
    }

    /// `directory-v1`: `credential`, `device`, `team`, `territory` as in
    /// SQLite (`user` is `user_id`: a reserved word), identifiers and names
    /// compared bytewise (`"C"`), booleans as `boolean`, times as Unix milliseconds.
    static let migrations: [PostgresMigration] = [
        PostgresMigration("directory-v1", [
            """
            CREATE TABLE credential (
                user_id text COLLATE "C" PRIMARY KEY,
                login text COLLATE "C" NOT NULL UNIQUE,
                password_hash text NOT NULL,
                role text NOT NULL,
                disabled boolean NOT NULL DEFAULT false,
                created_at bigint NOT NULL
            )
            """,
            """
            CREATE TABLE device (
                id text COLLATE "C" PRIMARY KEY,
                user_id text COLLATE "C" NOT NULL REFERENCES credential (user_id),
                name text NOT NULL,
                replica text COLLATE "C" NOT NULL UNIQUE,
                token_hash bytea UNIQUE,
                created_at bigint NOT NULL,
                last_seen_at bigint,
                revoked_at bigint,
                CHECK (revoked_at IS NULL OR token_hash IS NULL)
            )
            """,
            "CREATE INDEX device_by_user ON device (user_id)",
            "CREATE TABLE team (id text COLLATE \"C\" PRIMARY KEY, name text COLLATE \"C\" NOT NULL UNIQUE)",
            """
            CREATE TABLE territory (
                id text COLLATE "C" PRIMARY KEY, name text COLLATE "C" NOT NULL UNIQUE, code text COLLATE "C" UNIQUE
            )
            """,
        ]),
        // directory-v2: calendar feed tokens (SHA-256 only), one per user.
        PostgresMigration("directory-v2", [
            """
            CREATE TABLE calendar_feed (
                user_id text COLLATE "C" PRIMARY KEY REFERENCES credential (user_id),
                token_hash bytea NOT NULL UNIQUE,
                created_at bigint NOT NULL
            )
            """
        ]),
    ]

    func close() throws {}

    // MARK: Credentials

    func credential(login: String) async throws -> DirectoryStore.Credential? {
        try await database.transaction(.single) { connection in
            try await self.credentials(
                "SELECT user_id, login, password_hash, role, disabled FROM credential WHERE login = \(login)", on: connection
            ).first
        }
    }

    func credential(user: String) async throws -> DirectoryStore.Credential? {
        try await database.transaction(.single) { connection in
            try await self.credentials(
                "SELECT user_id, login, password_hash, role, disabled FROM credential WHERE user_id = \(user)", on: connection
            ).first
        }
    }

    func credentials() async throws -> [(DirectoryStore.Credential, activeDevices: Int)] {
        try await database.transaction(.single) { connection in
            let rows = try await connection.query(
                """
                SELECT c.user_id, c.login, c.password_hash, c.role, c.disabled,
                    (SELECT count(*) FROM device d WHERE d.user_id = c.user_id AND d.revoked_at IS NULL)
                FROM credential c ORDER BY c.login
                """,
                logger: self.logger
            )
            var result: [(DirectoryStore.Credential, activeDevices: Int)] = []
            for try await (user, login, hash, role, disabled, devices) in rows.decode((String, String, String, String, Bool, Int64).self) {
                let credential = DirectoryStore.Credential(user: user, login: login, passwordHash: hash, role: role, disabled: disabled)
                result.append((credential, activeDevices: Int(devices)))
            }
            return result
        }
    }

    func insert(_ credential: DirectoryStore.Credential, now: Int64) async throws {
        let inserted = try await database.transaction { connection in
            let rows = try await connection.query(
                """
                INSERT INTO credential (user_id, login, password_hash, role, disabled, created_at)
                VALUES (\(credential.user), \(credential.login), \(credential.passwordHash), \(credential.role),
                    \(credential.disabled), \(now))
                ON CONFLICT DO NOTHING RETURNING 1
                """,
                logger: self.logger
            )
            return try await rows.collect().count
        }
        guard inserted == 1 else { throw IdentityError(.conflict, "login '\(credential.login)' is taken") }
    }

    func deleteCredential(user: String) async throws {
        try await database.transaction(.single) { connection in
            try await connection.query(
                """
                DELETE FROM credential WHERE user_id = \(user)
                AND NOT EXISTS (SELECT 1 FROM device WHERE device.user_id = \(user))
                """,
                logger: self.logger
            )
        }
    }

    func setRole(user: String, role: String) async throws {
        try await database.transaction(.single) { connection in
            try await connection.query("UPDATE credential SET role = \(role) WHERE user_id = \(user)", logger: self.logger)
        }
    }

    func disable(user: String, now: Int64) async throws -> [String] {
        try await database.transaction { connection in
            // The credential's row lock waits for a sign-in in progress (it holds FOR SHARE).
            try await connection.query("UPDATE credential SET disabled = true WHERE user_id = \(user)", logger: self.logger)
            let rows = try await connection.query(
                """
                UPDATE device SET revoked_at = \(now), token_hash = NULL
                WHERE user_id = \(user) AND revoked_at IS NULL RETURNING replica
                """,
                logger: self.logger
            )
            var replicas: [String] = []
            for try await replica in rows.decode(String.self) { replicas.append(replica) }
            return replicas
        }
    }

    func credentials(_ query: PostgresQuery, on connection: PostgresConnection) async throws -> [DirectoryStore.Credential] {
        var result: [DirectoryStore.Credential] = []
        let rows = try await connection.query(query, logger: logger)
        for try await (user, login, hash, role, disabled) in rows.decode((String, String, String, String, Bool).self) {
            result.append(DirectoryStore.Credential(user: user, login: login, passwordHash: hash, role: role, disabled: disabled))
        }
        return result
    }
}
