import Logging
import PostgresNIO

/// One append-only schema migration: a unique name and its statements. Once
/// applied to a database, a migration is never edited; changes go into the next one.
public struct PostgresMigration: Sendable {
    /// The name recorded in `fieldbook_migration`.
    public var name: String
    /// The statements, run in order in the migrating transaction.
    public var statements: [String]

    /// Creates a migration.
    public init(_ name: String, _ statements: [String]) {
        self.name = name
        self.statements = statements
    }
}

extension PostgresPool {
    /// Applies the migrations of `migrations` not yet recorded in the
    /// `fieldbook_migration` table, in order, in one transaction. An advisory
    /// lock makes instances starting together migrate one after the other.
    public func migrate(_ migrations: [PostgresMigration]) async throws {
        try await transaction { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(lockKey("migrations")))", logger: logger)
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS fieldbook_migration (
                    name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now()
                )
                """,
                logger: logger
            )
            var applied: Set<String> = []
            for try await name in try await connection.query("SELECT name FROM fieldbook_migration", logger: logger).decode(String.self) {
                applied.insert(name)
            }
            for migration in migrations where !applied.contains(migration.name) {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query("INSERT INTO fieldbook_migration (name) VALUES (\(migration.name))", logger: logger)
            }
        }
    }
}

extension PostgresPool {
    /// Drops the schema of `url` with everything in it (tests and benchmarks
    /// clean up their private schemas this way); nothing when `url` names none.
    public static func dropSchema(of url: PostgresDatabaseURL, logger: Logger = Logger(label: "fieldbook.postgres")) async throws {
        guard let schema = url.schema else { return }
        let pool = try await connect(url.with(schema: nil), maximumConnections: 1, logger: logger)
        do {
            try await pool.transaction { connection in
                try await connection.query(PostgresQuery(unsafeSQL: "DROP SCHEMA IF EXISTS \(schema) CASCADE"), logger: logger)
            }
        } catch {
            await pool.close()
            throw error
        }
        await pool.close()
    }
}
