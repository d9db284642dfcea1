import Foundation
import GRDB

/// Calendar feed tokens in `directory.sqlite`: one per user, stored as SHA-256 only.
extension DirectoryStore {
    func setFeedToken(user: String, hash: [UInt8], now: Int64) async throws {
        try await writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO calendar_feed (user, token_hash, created_at) VALUES (?, ?, ?)
                    ON CONFLICT (user) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at
                    """,
                arguments: [user, Data(hash), now]
            )
        }
    }

    func clearFeedToken(user: String) async throws -> Bool {
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM calendar_feed WHERE user = ?", arguments: [user])
            return db.changesCount > 0
        }
    }

    func feedOwner(ofHash hash: [UInt8]) async throws -> (user: String, login: String, role: String)? {
        try await writer.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT credential.user, credential.login, credential.role
                    FROM calendar_feed JOIN credential ON credential.user = calendar_feed.user
                    WHERE calendar_feed.token_hash = ? AND credential.disabled = 0
                    """,
                arguments: [Data(hash)]
            ).map { row in (user: row["user"], login: row["login"], role: row["role"]) }
        }
    }
}
