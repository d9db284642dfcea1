import Foundation
import GRDB

extension DirectoryStore {
    /// Binds `replica` to a device of `user` and gives it a new token hash:
    /// the device already bound to the replica (the old token stops working)
    /// or a new device with ID `newID`. Returns the device's ID.
    /// - Throws: `forbidden` when the replica belongs to another user's device
    ///   or to a revoked device; `unauthenticated` when the user was disabled meanwhile.
    func bind(
        replica: String, to user: String, name: String, tokenHash: [UInt8], newID: String, now: Int64
    ) async throws -> String {
        try await writer.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT disabled FROM credential WHERE user = ?", arguments: [user]) == false
            else { throw IdentityError.loginFailed }
            if let row = try Row.fetchOne(db, sql: "SELECT id, user, revoked_at FROM device WHERE replica = ?", arguments: [replica]) {
                let device: String = row["id"]
                guard row["user"] as String == user else {
                    throw IdentityError(.forbidden, "replica \(replica) is bound to another user's device")
                }
                guard row["revoked_at"] as Int64? == nil else {
                    throw IdentityError(.forbidden, "device \(device) was revoked; replica \(replica) cannot sign in again")
                }
                try db.execute(
                    sql: "UPDATE device SET token_hash = ?, name = ?, last_seen_at = ? WHERE id = ?",
                    arguments: [Data(tokenHash), name, now, device]
                )
                return device
            }
            try db.execute(
                sql: """
                    INSERT INTO device (id, user, name, replica, token_hash, created_at, last_seen_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [newID, user, name, replica, Data(tokenHash), now, now]
            )
            return newID
        }
    }

    /// The active device and enabled user holding the token with this hash.
    func owner(ofTokenHash hash: [UInt8]) async throws -> TokenOwner? {
        try await writer.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT device.id, device.replica, device.token_hash, device.last_seen_at,
                        credential.user, credential.login, credential.role
                    FROM device JOIN credential ON credential.user = device.user
                    WHERE device.token_hash = ? AND device.revoked_at IS NULL AND credential.disabled = 0
                    """,
                arguments: [Data(hash)]
            ).map { row in
                TokenOwner(
                    device: row["id"], replica: row["replica"], user: row["user"], login: row["login"], role: row["role"],
                    tokenHash: Array(row["token_hash"] as Data), lastSeenAt: row["last_seen_at"]
                )
            }
        }
    }

    /// Records that `device` was seen at `now` unless it was seen after `since`.
    func touch(device: String, now: Int64, unlessSeenAfter since: Int64) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE device SET last_seen_at = ? WHERE id = ? AND (last_seen_at IS NULL OR last_seen_at <= ?)",
                arguments: [now, device, since]
            )
        }
    }

    /// Forgets the token with this hash (logout); whether a device held it.
    func clearToken(hash: [UInt8]) async throws -> Bool {
        try await writer.write { db in
            try db.execute(sql: "UPDATE device SET token_hash = NULL WHERE token_hash = ?", arguments: [Data(hash)])
            return db.changesCount > 0
        }
    }

    /// Revokes a device (idempotent); returns its replica, nil for an unknown device.
    func revoke(device: String, now: Int64) async throws -> String? {
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE device SET revoked_at = ?, token_hash = NULL WHERE id = ? AND revoked_at IS NULL",
                arguments: [now, device]
            )
            return try String.fetchOne(db, sql: "SELECT replica FROM device WHERE id = ?", arguments: [device])
        }
    }

    /// Devices, of one user or of all, ordered by login then creation.
    func devices(user: String?) async throws -> [DeviceSummary] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT device.*, credential.login FROM device JOIN credential ON credential.user = device.user
                    WHERE ?1 IS NULL OR device.user = ?1
                    ORDER BY credential.login, device.created_at, device.id
                    """,
                arguments: [user]
            ).map { row in
                DeviceSummary(
                    id: row["id"], user: row["user"], login: row["login"], name: row["name"], replica: row["replica"],
                    createdAt: Self.date(row["created_at"])!, lastSeenAt: Self.date(row["last_seen_at"]),
                    revokedAt: Self.date(row["revoked_at"]), signedIn: row["token_hash"] as Data? != nil
                )
            }
        }
    }

    static func date(_ milliseconds: Int64?) -> Date? {
        milliseconds.map { Date(timeIntervalSince1970: Double($0) / 1000) }
    }
}
