import FieldbookServerCore
import FieldbookServerStorePostgres
import FieldbookServerStoreSQLite
import Foundation
import Logging

/// The long-lived services every route handler uses, built once at start-up.
public struct ServerServices: Sendable {
    /// Push, pull, server-authored changes.
    public var sync: SyncService
    /// Login, tokens, users and devices.
    public var identity: IdentityService
    /// The server's logger (never given customer data).
    public var logger: Logger
    /// Who checks bearer tokens: ``identity`` in production; tests may put a stand-in here.
    public var authenticator: any DeviceAuthenticator
    /// Request and sync counters behind `GET /metrics`.
    public var metrics: ServerMetrics
    /// Body limits and response compression for every JSON route (set from the
    /// configuration by ``FieldbookServerApp/makeRouter(configuration:services:)``).
    public var http: HTTPLimits
    /// The PostgreSQL database behind ``sync`` and ``identity`` when the
    /// server runs on one (``open(postgres:logger:)``); closed by ``shutdown()``.
    var postgres: PostgresPool?

    /// Creates the services.
    /// - Parameters:
    ///   - authenticator: checks bearer tokens; nil means `identity`.
    ///   - metrics: the counters; a fresh registry by default.
    public init(
        sync: SyncService, identity: IdentityService, logger: Logger, authenticator: (any DeviceAuthenticator)? = nil,
        metrics: ServerMetrics = ServerMetrics()
    ) {
        self.sync = sync
        self.identity = identity
        self.logger = logger
        self.authenticator = authenticator ?? identity
        self.metrics = metrics
        self.http = HTTPLimits()
    }

    /// The sync store's file inside a data directory.
    public static func storeURL(in dataDirectory: URL) -> URL {
        dataDirectory.appendingPathComponent("sync.sqlite")
    }

    /// Opens the production services in `dataDirectory` (created if missing):
    /// the SQLite sync store, a ``SyncService`` on the wall clock, and the identity service.
    /// - Throws: ``ServerStartupError`` naming the step that failed.
    public static func open(dataDirectory: URL, logger: Logger) throws(ServerStartupError) -> ServerServices {
        do {
            try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
        } catch {
            throw ServerStartupError(step: "create data directory \(dataDirectory.path)", underlying: "\(error)")
        }
        let store: SQLiteServerStore
        do {
            store = try SQLiteServerStore(path: storeURL(in: dataDirectory).path)
        } catch {
            throw ServerStartupError(step: "open sync store \(storeURL(in: dataDirectory).path)", underlying: "\(error)")
        }
        let secret: [UInt8]
        do {
            secret = try DeploymentSecret.load(dataDirectory: dataDirectory)
        } catch {
            try? store.close()
            throw ServerStartupError(step: "read the cursor secret in \(dataDirectory.path)", underlying: "\(error)")
        }
        let sync = SyncService(store: store, clock: WallClock(), configuration: productionConfiguration(secret: secret))
        do {
            let identity = try IdentityService.open(dataDirectory: dataDirectory, sync: sync, logger: logger)
            return ServerServices(sync: sync, identity: identity, logger: logger)
        } catch {
            try? store.close()
            throw ServerStartupError(step: "open identity store in \(dataDirectory.path)", underlying: "\(error)")
        }
    }

    /// The sync configuration of a real deployment: cursors tagged with
    /// HMAC-SHA256 under the deployment's secret (``DeploymentSecret``).
    static func productionConfiguration(secret: [UInt8]) -> SyncServiceConfiguration {
        var configuration = SyncServiceConfiguration()
        configuration.cursors = CursorCodec(authenticator: CursorHMAC(secret: secret))
        return configuration
    }

    /// Closes the identity directory and the sync store, including a
    /// PostgreSQL database's connection pool; the services must not be used
    /// afterwards. Both are closed even when the first fails; the first failure is thrown.
    public func shutdown() async throws {
        var failure: (any Error)?
        do { try close() } catch { failure = error }
        await postgres?.close()
        if let failure { throw failure }
    }

    /// Closes the identity directory and, when it is a SQLite store, the sync
    /// store; the services must not be used afterwards (a PostgreSQL pool
    /// needs ``shutdown()``). Both are closed even
    /// when the first fails; the first failure is thrown.
    public func close() throws {
        var failure: (any Error)?
        do { try identity.close() } catch { failure = error }
        do { try (sync.store as? SQLiteServerStore)?.close() } catch { failure = failure ?? error }
        if let failure { throw failure }
    }
}

/// The server could not start: which step failed and why.
public struct ServerStartupError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What the server was doing.
    public var step: String
    /// The underlying error's description.
    public var underlying: String

    public var description: String { "cannot \(step): \(underlying)" }
}
