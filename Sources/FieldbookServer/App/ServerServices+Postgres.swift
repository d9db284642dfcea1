import FieldbookServerCore
import FieldbookServerStorePostgres
import Foundation
import Logging

extension ServerServices {
    /// Opens the services the configuration names: on PostgreSQL when
    /// ``FieldbookServerConfiguration/database`` is set, else on SQLite in the
    /// data directory.
    /// - Throws: ``ServerStartupError`` naming the step that failed.
    public static func open(
        configuration: FieldbookServerConfiguration, logger: Logger
    ) async throws(ServerStartupError) -> ServerServices {
        if let database = configuration.database { return try await open(postgres: database, logger: logger) }
        return try open(dataDirectory: configuration.dataDirectory, logger: logger)
    }

    /// Opens the production services on the PostgreSQL database at `url`
    /// (migrating it): the sync store, a ``SyncService`` on the wall clock,
    /// and the identity directory in the same database. Any number of server
    /// instances may open the same database: they share everything, including
    /// the server replica's counters (allocated in the database, SYNC.md §2.1).
    /// - Throws: ``ServerStartupError`` naming the step that failed (the URL
    ///   is shown without its password).
    public static func open(
        postgres url: PostgresDatabaseURL, maximumConnections: Int = 16, logger: Logger
    ) async throws(ServerStartupError) -> ServerServices {
        let database: PostgresPool
        do {
            database = try await PostgresPool.connect(url, maximumConnections: maximumConnections, logger: logger)
        } catch {
            throw ServerStartupError(step: "connect to \(url.redacted)", underlying: "\(error)")
        }
        do {
            let store = try await PostgresServerStore(database: database)
            let secret = try await DeploymentSecret.load(postgres: database)
            let sync = SyncService(store: store, clock: WallClock(), configuration: productionConfiguration(secret: secret))
            let identity = try await IdentityService.open(postgres: database, sync: sync, logger: logger)
            var services = ServerServices(sync: sync, identity: identity, logger: logger)
            services.postgres = database
            return services
        } catch {
            await database.close()
            throw ServerStartupError(step: "open the stores in \(url.redacted)", underlying: "\(error)")
        }
    }
}
