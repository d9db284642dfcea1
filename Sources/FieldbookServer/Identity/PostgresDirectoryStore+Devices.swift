import FieldbookServerStorePostgres
import Foundation
import NIOCore
import PostgresNIO

/// Devices, tokens and the organisation indexes of ``PostgresDirectoryStore``.
extension PostgresDirectoryStore {
    // MARK: Devices

    func bind(
        replica: String, to user: String, name: String, tokenHash: [UInt8], newID: String, now: Int64
    ) async throws -> String {
        let hash = ByteBuffer(bytes: tokenHash)
        return try await database.transaction { connection in
            // One sign-in per replica at a time (two instances may get the same login request).
            try await connection.query(
                "SELECT pg_advisory_xact_lock(\(self.database.lockKey("device:\(replica)")))", logger: self.logger
            )
            var enabled = false
            let credential = try await connection.query(
                "SELECT disabled FROM credential WHERE user_id = \(user) FOR SHARE", logger: self.logger
            )
            for try await disabled in credential.decode(Bool.self) { enabled = !disabled }
            guard enabled else { throw IdentityError.loginFailed }
            let existing = try await connection.query(
                "SELECT id, user_id, revoked_at FROM device WHERE replica = \(replica)", logger: self.logger
            )
            for try await (device, owner, revokedAt) in existing.decode((String, String, Int64?).self) {
                guard owner == user else {
                    throw IdentityError(.forbidden, "replica \(replica) is bound to another user's device")
                }
                guard revokedAt == nil else {
                    throw IdentityError(.forbidden, "device \(device) was revoked; replica \(replica) cannot sign in again")
                }
                try await connection.query(
                    "UPDATE device SET token_hash = \(hash), name = \(name), last_seen_at = \(now) WHERE id = \(device)",
                    logger: self.logger
                )
                return device
            }
            try await connection.query(
                """
                INSERT INTO device (id, user_id, name, replica, token_hash, created_at, last_seen_at)
                VALUES (\(newID), \(user), \(name), \(replica), \(hash), \(now), \(now))
                """,
                logger: self.logger
            )
            return newID
        }
    }

    func owner(ofTokenHash hash: [UInt8]) async throws -> DirectoryStore.TokenOwner? {
        let buffer = ByteBuffer(bytes: hash)
        return try await database.transaction(.single) { connection in
            let rows = try await connection.query(
                """
                SELECT d.id, d.replica, d.token_hash, d.last_seen_at, c.user_id, c.login, c.role
                FROM device d JOIN credential c ON c.user_id = d.user_id
                WHERE d.token_hash = \(buffer) AND d.revoked_at IS NULL AND NOT c.disabled
                """,
                logger: self.logger
            )
            for try await (device, replica, token, lastSeen, user, login, role) in rows.decode(
                (String, String, ByteBuffer, Int64?, String, String, String).self
            ) {
                return DirectoryStore.TokenOwner(
                    device: device, replica: replica, user: user, login: login, role: role,
                    tokenHash: Array(token.readableBytesView), lastSeenAt: lastSeen
                )
            }
            return nil
        }
    }

    func touch(device: String, now: Int64, unlessSeenAfter since: Int64) async throws {
        try await database.transaction(.single) { connection in
            try await connection.query(
                """
                UPDATE device SET last_seen_at = \(now)
                WHERE id = \(device) AND (last_seen_at IS NULL OR last_seen_at <= \(since))
                """,
                logger: self.logger
            )
        }
    }

    func clearToken(hash: [UInt8]) async throws -> Bool {
        let buffer = ByteBuffer(bytes: hash)
        return try await database.transaction(.single) { connection in
            let rows = try await connection.query(
                "UPDATE device SET token_hash = NULL WHERE token_hash = \(buffer) RETURNING id", logger: self.logger
            )
            return try await !rows.collect().isEmpty
        }
    }

    func revoke(device: String, now: Int64) async throws -> String? {
        try await database.transaction { connection in
            try await connection.query(
                "UPDATE device SET revoked_at = \(now), token_hash = NULL WHERE id = \(device) AND revoked_at IS NULL",
                logger: self.logger
            )
            for try await replica in try await connection.query(
                "SELECT replica FROM device WHERE id = \(device)", logger: self.logger
            ).decode(String.self) {
                return replica
            }
            return nil
        }
    }

    func devices(user: String?) async throws -> [DeviceSummary] {
        try await database.transaction(.single) { connection in
            let rows = try await connection.query(
                """
                SELECT d.id, d.user_id, c.login, d.name, d.replica, d.created_at, d.last_seen_at, d.revoked_at,
                    d.token_hash IS NOT NULL
                FROM device d JOIN credential c ON c.user_id = d.user_id
                WHERE \(user)::text IS NULL OR d.user_id = \(user)::text
                ORDER BY c.login, d.created_at, d.id
                """,
                logger: self.logger
            )
            var devices: [DeviceSummary] = []
            for try await (id, owner, login, name, replica, created, lastSeen, revoked, signedIn) in rows.decode(
                (String, String, String, String, String, Int64, Int64?, Int64?, Bool).self
            ) {
                devices.append(
                    DeviceSummary(
                        id: id, user: owner, login: login, name: name, replica: replica,
                        createdAt: DirectoryStore.date(created)!, lastSeenAt: DirectoryStore.date(lastSeen),
                        revokedAt: DirectoryStore.date(revoked), signedIn: signedIn
                    )
                )
            }
            return devices
        }
    }

    // MARK: Organisation

    func insert(_ index: DirectoryStore.Index, id: String, name: String, code: String?) async throws {
        let table = index.rawValue
        try await database.transaction { connection in
            let taken = try await connection.query(
                PostgresQuery(unsafeSQL: "SELECT 1 FROM \(table) WHERE name = $1", binds: Self.binds([name])), logger: self.logger
            ).collect()
            guard taken.isEmpty else { throw IdentityError(.conflict, "a \(table) named '\(name)' exists already") }
            let rows: [PostgresRow]
            if index == .territory {
                if let code, try await !connection.query("SELECT 1 FROM territory WHERE code = \(code)", logger: self.logger).collect().isEmpty {
                    throw IdentityError(.conflict, "a territory with code '\(code)' exists already")
                }
                rows = try await connection.query(
                    "INSERT INTO territory (id, name, code) VALUES (\(id), \(name), \(code)) ON CONFLICT DO NOTHING RETURNING 1",
                    logger: self.logger
                ).collect()
            } else {
                rows = try await connection.query(
                    "INSERT INTO team (id, name) VALUES (\(id), \(name)) ON CONFLICT DO NOTHING RETURNING 1", logger: self.logger
                ).collect()
            }
            // Another instance added the same name or code between the check and the insert.
            guard rows.count == 1 else { throw IdentityError(.conflict, "a \(table) named '\(name)' exists already") }
        }
    }

    func delete(_ index: DirectoryStore.Index, id: String) async throws {
        try await database.transaction(.single) { connection in
            try await connection.query(
                PostgresQuery(unsafeSQL: "DELETE FROM \(index.rawValue) WHERE id = $1", binds: Self.binds([id])), logger: self.logger
            )
        }
    }

    func resolve(_ index: DirectoryStore.Index, _ reference: String) async throws -> String? {
        let codeClause = index == .territory ? " OR code = $1" : ""
        let sql = "SELECT id FROM \(index.rawValue) WHERE id = $1 OR name = $1\(codeClause) ORDER BY id = $1 DESC LIMIT 1"
        return try await database.transaction(.single) { connection in
            let rows = try await connection.query(PostgresQuery(unsafeSQL: sql, binds: Self.binds([reference])), logger: self.logger)
            for try await id in rows.decode(String.self) { return id }
            return nil
        }
    }

    func entries(_ index: DirectoryStore.Index) async throws -> [(id: String, name: String, code: String?)] {
        let code = index == .territory ? "code" : "NULL::text AS code"
        return try await database.transaction(.single) { connection in
            let rows = try await connection.query(
                PostgresQuery(unsafeSQL: "SELECT id, name, \(code) FROM \(index.rawValue) ORDER BY name"), logger: self.logger
            )
            var entries: [(id: String, name: String, code: String?)] = []
            for try await (id, name, code) in rows.decode((String, String, String?).self) {
                entries.append((id: id, name: name, code: code))
            }
            return entries
        }
    }

    /// Text binds for a statement whose table name is interpolated (from ``DirectoryStore/Index``, never input).
    static func binds(_ values: [String]) -> PostgresBindings {
        var bindings = PostgresBindings()
        for value in values { bindings.append(value) }
        return bindings
    }
}
