import FieldbookServerCore
import Logging
import PostgresNIO

/// One PostgreSQL database (or one schema of it) behind a postgres-nio
/// connection pool: transactions, advisory locks and append-only migrations,
/// shared by ``PostgresServerStore`` and the server's identity directory.
///
/// ``connect(_:maximumConnections:logger:)`` starts the pool's background
/// task; ``close()`` ends it. Every failure of the database surfaces as
/// ``FieldbookServerCore/ServerStoreError/unavailable(reason:)`` carrying the
/// SQLSTATE and the server's message, never bound values.
///
/// ```swift
/// let database = try await PostgresPool.connect(try PostgresDatabaseURL(text), logger: logger)
/// let count = try await database.transaction { connection in
///     try await connection.query("SELECT count(*) FROM record", logger: database.logger).collect().count
/// }
/// await database.close()
/// ```
public final class PostgresPool: Sendable {
    /// How a transaction begins.
    public enum Mode: Sendable {
        /// `READ COMMITTED`: every statement sees what committed before it (writes).
        case write
        /// `REPEATABLE READ READ ONLY`: one snapshot for all statements (consistent reads).
        case snapshot
        /// No explicit transaction: for a body of exactly one statement, which
        /// PostgreSQL runs as its own transaction (saves two round trips).
        case single
    }

    /// Where the database is (password included; print ``PostgresDatabaseURL/redacted``).
    public let url: PostgresDatabaseURL
    /// The connection pool.
    public let client: PostgresClient
    /// Where postgres-nio logs (connection events; never query values).
    public let logger: Logger
    private let runner: Task<Void, Never>

    private init(url: PostgresDatabaseURL, client: PostgresClient, logger: Logger, runner: Task<Void, Never>) {
        self.url = url
        self.client = client
        self.logger = logger
        self.runner = runner
    }

    /// Starts a pool of at most `maximumConnections` connections to `url`
    /// and checks that the database answers; the schema of `url` is created
    /// when missing.
    /// - Throws: ``FieldbookServerCore/ServerStoreError/unavailable(reason:)`` when it does not.
    public static func connect(
        _ url: PostgresDatabaseURL, maximumConnections: Int = 16, logger: Logger = Logger(label: "fieldbook.postgres")
    ) async throws -> PostgresPool {
        let client = PostgresClient(configuration: url.clientConfiguration(maximumConnections: maximumConnections), backgroundLogger: logger)
        // The pool leases connections only once `run()` is under way: wait until its task started.
        let (started, signal) = AsyncStream.makeStream(of: Void.self)
        let runner = Task {
            signal.finish()
            await client.run()
        }
        for await _ in started {}
        // `run()` marks the pool running as its first step; give that step a moment so the first
        // lease does not log postgres-nio's "run() hasn't been called yet" warning.
        try? await Task.sleep(for: .milliseconds(20))
        let database = PostgresPool(url: url, client: client, logger: logger, runner: runner)
        do {
            try await database.transaction { connection in
                if let schema = url.schema {
                    // A concurrent CREATE SCHEMA of another instance may still fail on the catalog's unique index.
                    try await connection.query("SELECT pg_advisory_xact_lock(\(database.lockKey("schema")))", logger: logger)
                    try await connection.query(PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \(schema)"), logger: logger)
                } else {
                    try await connection.query("SELECT 1", logger: logger)
                }
            }
        } catch {
            await database.close()
            throw error
        }
        return database
    }

    /// Ends the pool's background task and closes every connection; the
    /// database must not be used afterwards.
    public func close() async {
        runner.cancel()
        await runner.value
    }

    /// Runs `body` in one transaction on one pooled connection: `COMMIT` when
    /// it returns, `ROLLBACK` when it throws (its error is rethrown as it is).
    @discardableResult
    public func transaction<T: Sendable>(
        _ mode: Mode = .write, _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        do {
            return try await client.withConnection { connection in
                if mode == .single { return try await body(connection) }
                let begin: PostgresQuery = mode == .write ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
                try await connection.query(begin, logger: logger)
                let value: T
                do {
                    value = try await body(connection)
                } catch {
                    do {
                        try await connection.query("ROLLBACK", logger: logger)
                    } catch {
                        // The connection is in an unknown state: do not hand it back to the pool.
                        try? await connection.close()
                    }
                    throw error
                }
                try await connection.query("COMMIT", logger: logger)
                return value
            }
        } catch {
            throw Self.storeError(error)
        }
    }

    /// A transaction-scoped advisory lock key for `name`, distinct per schema
    /// (so tests in separate schemas of one database do not wait for each other).
    public func lockKey(_ name: String) -> Int64 {
        Self.stableHash("fieldbook:\(url.schema ?? "public"):\(name)")
    }

    /// Maps postgres-nio failures to ``FieldbookServerCore/ServerStoreError``;
    /// other errors pass through.
    public static func storeError(_ error: any Error) -> any Error {
        switch error {
        case let error as PSQLError:
            if let info = error.serverInfo {
                // SQLSTATE and the server's message name the failure; bound values are in DETAIL, left out.
                let state = info[.sqlState] ?? "?????"
                return ServerStoreError.unavailable(reason: "PostgreSQL \(state): \(info[.message] ?? "no message")")
            }
            return ServerStoreError.unavailable(reason: "PostgreSQL connection: \(error.code)")
        case let error as PostgresDecodingError:
            return ServerStoreError.unavailable(reason: "PostgreSQL: cannot decode column \(error.columnName)")
        default:
            return error
        }
    }

    /// 64-bit FNV-1a of `text`'s UTF-8 bytes.
    static func stableHash(_ text: String) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return Int64(bitPattern: hash)
    }
}
