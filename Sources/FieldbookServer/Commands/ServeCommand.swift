import ArgumentParser
import FieldbookServerCore
import FieldbookServerStorePostgres
import Foundation
import Hummingbird
import Logging

/// `fieldbook-server serve`: opens the data directory and serves HTTP until
/// SIGTERM or SIGINT, then shuts down gracefully (in-flight requests finish).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the sync server.",
        discussion: """
            Every option can also be set with an environment variable: FIELDBOOK_SERVER_HOST, FIELDBOOK_SERVER_PORT, \
            FIELDBOOK_SERVER_DATA, FIELDBOOK_SERVER_DEMO=1, FIELDBOOK_SERVER_LOG_LEVEL, FIELDBOOK_SERVER_LOG_FORMAT, \
            FIELDBOOK_SERVER_MAX_BODY_BYTES, FIELDBOOK_DATABASE_URL; FIELDBOOK_SERVER_MAX_SYNC_REQUESTS (default 512)             bounds the sync requests handled at once (more get 503 unavailable with Retry-After). Prints "listening on http://HOST:PORT" once ready (port 0 picks a free port).

            --demo seeds an invented demo dataset (users admin, eva, anna, ben with the password fieldbook-demo, \
            territories North and South, accounts, contacts, opportunities, appointments) when the data directory \
            is empty; with data already there it changes nothing.

            --database postgres://USER:PASS@HOST:PORT/DB keeps records, the log and the identity directory in \
            PostgreSQL instead of SQLite files in --data: any number of instances can serve the same database \
            behind an HTTP load balancer.
            """
    )

    @Option(help: "Address to bind (default 127.0.0.1).") var host: String?
    @Option(help: "TCP port; 0 picks a free one (default 8080).") var port: Int?
    @Option(help: "Data directory, created if missing (default ./fieldbook-data).") var data: String?
    @Option(help: "trace, debug, info, notice, warning, error or critical (default info).") var logLevel: String?
    @Option(help: "text or json (default text).") var logFormat: String?
    @Option(help: "Largest request body in bytes after decompression (default 16 MiB).") var maxBodyBytes: Int?
    @Flag(help: "Seed the demo dataset when the data directory is empty.") var demo = false
    @Option(help: "PostgreSQL URL (postgres://USER:PASS@HOST:PORT/DB[?schema=S&sslmode=disable]); default: SQLite in --data.")
    var database: String?

    func run() async throws {
        let configuration: FieldbookServerConfiguration
        do {
            configuration = try FieldbookServerConfiguration.resolve(
                host: host, port: port, data: data, logLevel: logLevel, logFormat: logFormat, maxBodyBytes: maxBodyBytes,
                demo: demo, database: database
            )
        } catch {
            throw ValidationError(error.description)
        }
        ServerLogging.bootstrap(format: configuration.logFormat, level: configuration.logLevel)
        let logger = Logger(label: "fieldbook-server")
        var seedDemo = configuration.demo && configuration.database == nil && DemoSeeder.isEmpty(configuration.dataDirectory)
        let services: ServerServices
        do {
            services = try await ServerServices.open(configuration: configuration, logger: logger)
        } catch {
            logger.critical("start-up failed", metadata: ["error": "\(error)"])
            throw ExitCode(1)
        }
        if configuration.demo, configuration.database != nil {
            // On PostgreSQL "empty" means an empty log (another instance may have seeded it).
            seedDemo = (try? await services.sync.store.logHead()) == .start
        }
        if configuration.demo { try await prepareDemo(seed: seedDemo, services: services, configuration, logger) }
        let host = configuration.host
        let app = FieldbookServerApp.build(configuration: configuration, services: services) { port in
            let authority = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
            let line = "listening on http://\(authority)\n"
            FileHandle.standardOutput.write(Data(line.utf8))
            logger.info("listening", metadata: ["host": "\(host)", "port": "\(port)"])
        }
        do {
            try await app.runService()
        } catch {
            // Start-up and socket errors (e.g. the port is taken) name addresses, never request data.
            logger.critical("server stopped with an error", metadata: ["error": "\(error)"])
            try? await services.shutdown()
            throw ExitCode(1)
        }
        try? await services.shutdown()
        logger.info("stopped")
    }

    /// Seeds the demo into a fresh data directory and prints the notice, or
    /// says why nothing was seeded.
    private func prepareDemo(
        seed: Bool, services: ServerServices, _ configuration: FieldbookServerConfiguration, _ logger: Logger
    ) async throws {
        guard seed else {
            let place = configuration.database?.redacted ?? configuration.dataDirectory.path
            let line = "demo: \(place) is not empty; no demo data was added\n"
            FileHandle.standardError.write(Data(line.utf8))
            logger.notice("demo skipped: data directory not empty")
            return
        }
        do {
            try await DemoSeeder(services: services).seed()
        } catch {
            logger.critical("demo seeding failed", metadata: ["error": "\(error)"])
            try? await services.shutdown()
            throw ExitCode(1)
        }
        logger.notice("demo data seeded", metadata: ["accounts": "\(DemoDataset.accounts.count)"])
        FileHandle.standardError.write(Data(DemoSeeder.notice.utf8))
    }
}
