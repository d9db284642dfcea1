import FieldbookSync
import Foundation
import GRDB

/// The identity directory: credentials, devices and the name indexes of
/// teams and territories, in `directory.sqlite` next to the sync store
/// (GRDB `DatabasePool`, WAL, 10 s busy timeout, so admin commands work
/// while a server runs on the same directory), or in memory for tests.
///
/// Every method is one transaction; writes are `IMMEDIATE` (GRDB's default
/// for pools), so checks and updates inside one method cannot interleave
/// with another process's.
final class DirectoryStore: Sendable {
    /// A user's sign-in record.
    struct Credential: Hashable, Sendable {
        var user: String
        var login: String
        var passwordHash: String
        var role: String
        var disabled: Bool
    }

    /// The device and user behind a token.
    struct TokenOwner: Hashable, Sendable {
        var device: String
        var replica: String
        var user: String
        var login: String
        var role: String
        var tokenHash: [UInt8]
        var lastSeenAt: Int64?
    }

    let writer: any DatabaseWriter

    /// Opens (creating if needed) the directory at `path` and migrates it.
    init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.foreignKeysEnabled = true
        writer = try DatabasePool(path: path, configuration: configuration)
        try DirectoryMigrations.migrator.migrate(writer)
    }

    /// A private in-memory directory (tests).
    init() throws {
        writer = try DatabaseQueue()
        try DirectoryMigrations.migrator.migrate(writer)
    }

    /// Closes the connections (file-backed directories).
    func close() throws {
        try writer.close()
    }

    // MARK: Credentials

    func credential(login: String) async throws -> Credential? {
        try await writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM credential WHERE login = ?", arguments: [login]).map(Self.credential)
        }
    }

    func credential(user: String) async throws -> Credential? {
        try await writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM credential WHERE user = ?", arguments: [user]).map(Self.credential)
        }
    }

    func credentials() async throws -> [(Credential, activeDevices: Int)] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT credential.*, (SELECT count(*) FROM device
                        WHERE device.user = credential.user AND device.revoked_at IS NULL) AS active_devices
                    FROM credential ORDER BY login
                    """
            ).map { (Self.credential($0), activeDevices: $0["active_devices"] as Int) }
        }
    }

    /// Adds a credential; `conflict` when the login is taken.
    func insert(_ credential: Credential, now: Int64) async throws {
        try await writer.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM credential WHERE login = ?", arguments: [credential.login]) == nil
            else { throw IdentityError(.conflict, "login '\(credential.login)' is taken") }
            try db.execute(
                sql: "INSERT INTO credential (user, login, password_hash, role, disabled, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [credential.user, credential.login, credential.passwordHash, credential.role, credential.disabled, now]
            )
        }
    }

    /// Removes a credential that has no devices (undoing a failed `user add`).
    func deleteCredential(user: String) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "DELETE FROM credential WHERE user = ? AND NOT EXISTS (SELECT 1 FROM device WHERE device.user = ?)",
                arguments: [user, user]
            )
        }
    }

    /// Changes a user's role.
    func setRole(user: String, role: String) async throws {
        try await writer.write { db in
            try db.execute(sql: "UPDATE credential SET role = ? WHERE user = ?", arguments: [role, user])
        }
    }

    /// Disables a user and revokes their devices; returns the replicas revoked now.
    func disable(user: String, now: Int64) async throws -> [String] {
        try await writer.write { db in
            try db.execute(sql: "UPDATE credential SET disabled = 1 WHERE user = ?", arguments: [user])
            return try String.fetchAll(
                db,
                sql: "UPDATE device SET revoked_at = ?, token_hash = NULL WHERE user = ? AND revoked_at IS NULL RETURNING replica",
                arguments: [now, user]
            )
        }
    }

    private static func credential(_ row: Row) -> Credential {
        Credential(
            user: row["user"], login: row["login"], passwordHash: row["password_hash"], role: row["role"],
            disabled: row["disabled"]
        )
    }
}
