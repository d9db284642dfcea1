import FieldbookServerStorePostgres
import Foundation
import PostgresNIO

/// The deployment's secret for cursor tags (``CursorHMAC``): made once, on
/// first start, from the system's secure random source, and kept with the
/// data — in `cursor-secret` (mode 0600) in a SQLite data directory, or in the
/// table `fieldbook_deployment_secret` of a PostgreSQL database, where every
/// instance reads the same one. Deleting it invalidates every issued cursor
/// (clients then pull a fresh snapshot, SYNC.md §11.4).
public enum DeploymentSecret {
    /// The file name inside a data directory.
    public static let fileName = "cursor-secret"
    /// Bytes of secret.
    static let length = 32

    /// The secret in `dataDirectory`, created when missing.
    /// - Throws: when the file cannot be read or written, or holds too few bytes.
    public static func load(dataDirectory: URL) throws -> [UInt8] {
        let path = dataDirectory.appendingPathComponent(fileName).path
        let fresh = random()
        // O_EXCL: of two processes starting at once, one creates it and both read that one.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        if descriptor >= 0 {
            let written = fresh.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            fsync(descriptor)
            close(descriptor)
            guard written == fresh.count else { throw DeploymentSecretError(path: path, reason: "short write") }
            return fresh
        }
        guard errno == EEXIST else { throw DeploymentSecretError(path: path, reason: String(cString: strerror(errno))) }
        for _ in 0..<50 {
            let stored = Array((try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data())
            if stored.count >= length { return Array(stored.prefix(length)) }
            // Another process created it a moment ago and is still writing.
            usleep(20_000)
        }
        throw DeploymentSecretError(path: path, reason: "holds fewer than \(length) bytes; delete it to make a new one")
    }

    /// The secret in the PostgreSQL database, created when missing (every instance gets the same).
    public static func load(postgres database: PostgresPool) async throws -> [UInt8] {
        try await database.migrate([
            PostgresMigration("deployment-secret-v1", [
                "CREATE TABLE fieldbook_deployment_secret (name text PRIMARY KEY, value bytea NOT NULL)"
            ])
        ])
        let fresh = ByteBuffer(bytes: random())
        return try await database.transaction { connection in
            try await connection.query(
                """
                INSERT INTO fieldbook_deployment_secret (name, value) VALUES ('cursor', \(fresh))
                ON CONFLICT (name) DO NOTHING
                """,
                logger: database.logger
            )
            for try await value in try await connection.query(
                "SELECT value FROM fieldbook_deployment_secret WHERE name = 'cursor'", logger: database.logger
            ).decode(ByteBuffer.self) {
                return Array(value.readableBytesView)
            }
            throw DeploymentSecretError(path: "fieldbook_deployment_secret", reason: "no cursor secret after insert")
        }
    }

    static func random() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<length).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}

/// The deployment secret could not be read or made.
public struct DeploymentSecretError: Error, CustomStringConvertible {
    /// Where it is kept.
    public var path: String
    /// What went wrong.
    public var reason: String

    public var description: String { "deployment secret \(path): \(reason)" }
}
