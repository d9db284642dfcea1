import FieldbookServerStorePostgres
import Foundation
import Logging
import PostgresNIO
import Testing

/// A private schema in the test PostgreSQL database, for one test: tests
/// running in parallel never see each other's tables, and ``drop()`` removes
/// everything the test made.
///
/// The database comes from `FIELDBOOK_TEST_POSTGRES_URL`
/// (`postgres://fieldbook:fieldbook@127.0.0.1:5432/fieldbook_test`; `.ci/run`
/// sets it up). Without it the PostgreSQL tests are skipped locally — and
/// fail in CI (`CI=true`), where they must run.
///
/// ```swift
/// @Test(.enabled(if: PostgresTestDatabase.isEnabled, PostgresTestDatabase.skipNote))
/// func something() async throws {
///     let schema = try await PostgresTestDatabase.create()
///     defer { … }   // or: try await schema.drop() at the end
/// }
/// ```
public struct PostgresTestDatabase: Sendable {
    /// The environment variable naming the test database.
    public static let environmentVariable = "FIELDBOOK_TEST_POSTGRES_URL"

    /// The test database URL, if configured.
    public static var configuredURL: String? {
        ProcessInfo.processInfo.environment[environmentVariable].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether CI runs these tests (then a missing URL is a failure, not a skip).
    public static var isCI: Bool {
        ["1", "true", "yes"].contains(ProcessInfo.processInfo.environment["CI"]?.lowercased() ?? "")
    }

    /// Whether PostgreSQL tests run: a URL is configured, or this is CI (where they must run and
    /// fail without a URL).
    public static var isEnabled: Bool { configuredURL != nil || isCI }

    /// Why they are skipped.
    public static let skipNote: Comment =
        "PostgreSQL tests skipped: set FIELDBOOK_TEST_POSTGRES_URL=postgres://USER:PASS@HOST:PORT/DB to run them"

    /// The URL of this test's schema (pass it to stores and server processes).
    public let url: PostgresDatabaseURL

    /// The schema's name.
    public var schema: String { url.schema ?? "public" }

    /// A fresh, uniquely named schema (created by the first store that connects).
    /// - Throws: ``PostgresTestDatabaseError`` when no URL is configured (CI) or it is invalid.
    public static func create(prefix: String = "t") throws -> PostgresTestDatabase {
        guard let text = configuredURL else {
            throw PostgresTestDatabaseError(
                "\(environmentVariable) is not set, but CI=true: the PostgreSQL tests must run in CI "
                    + "(.ci/run installs PostgreSQL and exports it)"
            )
        }
        let base: PostgresDatabaseURL
        do { base = try PostgresDatabaseURL(text) } catch { throw PostgresTestDatabaseError("\(environmentVariable): \(error)") }
        let unique = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
        return PostgresTestDatabase(url: base.with(schema: "fbt_\(prefix)_\(unique)"))
    }

    /// Connects a new pool to this test's schema.
    public func connect(maximumConnections: Int = 4) async throws -> PostgresPool {
        try await PostgresPool.connect(url, maximumConnections: maximumConnections, logger: Self.quietLogger)
    }

    /// Drops the schema and everything in it.
    public func drop() async throws {
        try await PostgresPool.dropSchema(of: url, logger: Self.quietLogger)
    }

    /// Runs `body` with a fresh schema and drops it afterwards (also when
    /// `body` throws). At most four such bodies run at once per process.
    public static func withSchema<T: Sendable>(
        prefix: String = "t", _ body: (PostgresTestDatabase) async throws -> T
    ) async throws -> T {
        let database = try create(prefix: prefix)
        await TestSlots.shared.acquire()
        do {
            let value = try await body(database)
            try await database.drop()
            await TestSlots.shared.release()
            return value
        } catch {
            try? await database.drop()
            await TestSlots.shared.release()
            throw error
        }
    }

    static let quietLogger: Logger = {
        var logger = Logger(label: "fieldbook.postgres.test")
        logger.logLevel = .critical
        return logger
    }()
}

/// The PostgreSQL test database cannot be used.
public struct PostgresTestDatabaseError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
