import FieldbookServerStorePostgres
import Foundation
import NIOCore
import PostgresNIO

/// Calendar feed tokens of ``PostgresDirectoryStore``: one per user, stored as SHA-256 only.
extension PostgresDirectoryStore {
    func setFeedToken(user: String, hash: [UInt8], now: Int64) async throws {
        let buffer = ByteBuffer(bytes: hash)
        try await database.transaction(.single) { connection in
            try await connection.query(
                """
                INSERT INTO calendar_feed (user_id, token_hash, created_at) VALUES (\(user), \(buffer), \(now))
                ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = EXCLUDED.created_at
                """,
                logger: self.logger
            )
        }
    }

    func clearFeedToken(user: String) async throws -> Bool {
        try await database.transaction(.single) { connection in
            let rows = try await connection.query(
                "DELETE FROM calendar_feed WHERE user_id = \(user) RETURNING user_id", logger: self.logger
            )
            return try await !rows.collect().isEmpty
        }
    }

    func feedOwner(ofHash hash: [UInt8]) async throws -> (user: String, login: String, role: String)? {
        let buffer = ByteBuffer(bytes: hash)
        return try await database.transaction(.single) { connection in
            let rows = try await connection.query(
                """
                SELECT c.user_id, c.login, c.role FROM calendar_feed f JOIN credential c ON c.user_id = f.user_id
                WHERE f.token_hash = \(buffer) AND NOT c.disabled
                """,
                logger: self.logger
            )
            for try await (user, login, role) in rows.decode((String, String, String).self) {
                return (user: user, login: login, role: role)
            }
            return nil
        }
    }
}
