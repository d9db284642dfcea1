import FieldbookProtocol
import FieldbookServerStorePostgres
import Foundation
import Logging

/// Everything `fieldbook-server serve` can be told: where to listen, where
/// the data lives, logging, and the HTTP hardening limits.
///
/// Each setting comes from a command-line option, else from an environment
/// variable (`FIELDBOOK_SERVER_HOST`, `…_PORT`, `…_DATA`, `…_DEMO`, `…_LOG_LEVEL`,
/// `…_LOG_FORMAT`, `…_MAX_BODY_BYTES`), else from the default here.
///
/// ```swift
/// var configuration = FieldbookServerConfiguration(dataDirectory: URL(fileURLWithPath: "/tmp/fb"))
/// configuration.port = 0   // any free port; learn it from `onServerRunning`
/// ```
public struct FieldbookServerConfiguration: Sendable {
    /// How log lines are written.
    public enum LogFormat: String, Sendable, CaseIterable {
        /// swift-log's plain text lines.
        case text
        /// One JSON object per line.
        case json
    }

    /// The address to bind, e.g. `127.0.0.1` or `0.0.0.0`.
    public var host: String
    /// The TCP port; 0 picks a free one.
    public var port: Int
    /// The directory holding the server's databases (created if missing).
    public var dataDirectory: URL
    /// The lowest log level written.
    public var logLevel: Logger.Level
    /// Text or JSON log lines.
    public var logFormat: LogFormat
    /// Largest request body in bytes, after decompression (SYNC.md §12).
    public var maxBodyBytes: Int
    /// Deepest JSON nesting accepted.
    public var maxDepth: Int
    /// Most JSON values accepted in one body.
    public var maxElements: Int
    /// Responses larger than this many bytes are compressed when the client accepts it.
    public var compressionThreshold: Int
    /// Seconds a keep-alive connection may stay idle before the server closes it.
    public var idleTimeout: Duration
    /// Longest time to receive a request body; slower clients get `408`.
    public var bodyReadTimeout: Duration
    /// Most sync requests (push and pull) handled at once; more get `503
    /// unavailable` with `Retry-After` at once instead of queueing until the
    /// client times out (`FIELDBOOK_SERVER_MAX_SYNC_REQUESTS`).
    public var maxSyncRequests: Int = 512
    /// Seed the demo dataset (``DemoDataset``) when the data directory is empty.
    public var demo: Bool = false
    /// The shared PostgreSQL database (`--database`, `FIELDBOOK_DATABASE_URL`);
    /// nil keeps everything in SQLite files in ``dataDirectory``.
    public var database: PostgresDatabaseURL?

    /// The environment variable naming the PostgreSQL database.
    public static let databaseEnvironmentVariable = "FIELDBOOK_DATABASE_URL"

    /// Creates a configuration with the documented defaults.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, dataDirectory: URL = URL(fileURLWithPath: "fieldbook-data"),
        logLevel: Logger.Level = .info, logFormat: LogFormat = .text, maxBodyBytes: Int = 16 << 20,
        maxDepth: Int = WireLimits.default.maxDepth, maxElements: Int = WireLimits.default.maxElements,
        compressionThreshold: Int = 1024, idleTimeout: Duration = .seconds(60), bodyReadTimeout: Duration = .seconds(30)
    ) {
        self.host = host
        self.port = port
        self.dataDirectory = dataDirectory
        self.logLevel = logLevel
        self.logFormat = logFormat
        self.maxBodyBytes = maxBodyBytes
        self.maxDepth = maxDepth
        self.maxElements = maxElements
        self.compressionThreshold = compressionThreshold
        self.idleTimeout = idleTimeout
        self.bodyReadTimeout = bodyReadTimeout
    }

    /// The limits and response settings of every JSON route.
    public var httpLimits: HTTPLimits {
        HTTPLimits(
            maxBodyBytes: maxBodyBytes, wire: wireLimits, bodyReadTimeout: bodyReadTimeout,
            compressionThreshold: compressionThreshold, maxSyncRequests: maxSyncRequests
        )
    }

    /// The limits the sync endpoints decode with.
    public var wireLimits: WireLimits {
        WireLimits(maxBodyBytes: maxBodyBytes, maxDepth: maxDepth, maxElements: maxElements)
    }

    /// The environment variable prefix of every setting.
    public static let environmentPrefix = "FIELDBOOK_SERVER_"

    /// Fills the settings not given on the command line from `environment`,
    /// then from the defaults, and validates them.
    /// - Throws: ``ConfigurationError`` naming the setting and its source.
    public static func resolve(
        host: String? = nil, port: Int? = nil, data: String? = nil, logLevel: String? = nil, logFormat: String? = nil,
        maxBodyBytes: Int? = nil, demo: Bool = false, database: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigurationError) -> FieldbookServerConfiguration {
        func env(_ name: String) -> String? {
            environment[environmentPrefix + name].flatMap { $0.isEmpty ? nil : $0 }
        }
        func integer(_ given: Int?, _ name: String, default value: Int) throws(ConfigurationError) -> Int {
            if let given { return given }
            guard let text = env(name) else { return value }
            guard let parsed = Int(text) else { throw ConfigurationError(setting: environmentPrefix + name, problem: "not an integer") }
            return parsed
        }
        var configuration = FieldbookServerConfiguration()
        configuration.host = host ?? env("HOST") ?? configuration.host
        configuration.port = try integer(port, "PORT", default: configuration.port)
        configuration.maxBodyBytes = try integer(maxBodyBytes, "MAX_BODY_BYTES", default: configuration.maxBodyBytes)
        configuration.maxSyncRequests = try integer(nil, "MAX_SYNC_REQUESTS", default: configuration.maxSyncRequests)
        if let data = data ?? env("DATA") { configuration.dataDirectory = URL(fileURLWithPath: data) }
        if let text = logLevel ?? env("LOG_LEVEL") {
            guard let level = Logger.Level(rawValue: text.lowercased()) else {
                let known = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
                throw ConfigurationError(setting: "log level", problem: "\"\(text)\" is not one of \(known)")
            }
            configuration.logLevel = level
        }
        if let text = logFormat ?? env("LOG_FORMAT") {
            guard let format = LogFormat(rawValue: text.lowercased()) else {
                throw ConfigurationError(setting: "log format", problem: "\"\(text)\" is not text or json")
            }
            configuration.logFormat = format
        }
        configuration.database = try resolveDatabase(database, environment: environment)
        if demo {
            configuration.demo = true
        } else if let text = env("DEMO") {
            switch text.lowercased() {
            case "1", "true", "yes": configuration.demo = true
            case "0", "false", "no": configuration.demo = false
            default: throw ConfigurationError(setting: environmentPrefix + "DEMO", problem: "\"\(text)\" is not 1 or 0")
            }
        }
        guard (0...65535).contains(configuration.port) else {
            throw ConfigurationError(setting: "port", problem: "\(configuration.port) is not in 0…65535")
        }
        guard configuration.maxBodyBytes >= 1024 else {
            throw ConfigurationError(setting: "max body bytes", problem: "must be at least 1024")
        }
        guard configuration.maxSyncRequests >= 1 else {
            throw ConfigurationError(setting: environmentPrefix + "MAX_SYNC_REQUESTS", problem: "must be at least 1")
        }
        guard !configuration.host.isEmpty else { throw ConfigurationError(setting: "host", problem: "is empty") }
        return configuration
    }
}

extension FieldbookServerConfiguration {
    /// The PostgreSQL database from `given` (`--database`), else from
    /// `FIELDBOOK_DATABASE_URL`; nil when neither is set (SQLite).
    /// - Throws: ``ConfigurationError`` for an invalid URL (never quoting the password).
    public static func resolveDatabase(
        _ given: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigurationError) -> PostgresDatabaseURL? {
        let source = given != nil ? "--database" : databaseEnvironmentVariable
        guard let text = given ?? environment[databaseEnvironmentVariable], !text.isEmpty else { return nil }
        do {
            return try PostgresDatabaseURL(text)
        } catch {
            throw ConfigurationError(setting: source, problem: error.problem)
        }
    }
}

/// A setting of ``FieldbookServerConfiguration`` that cannot be used.
public struct ConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The option or environment variable.
    public var setting: String
    /// What is wrong with it.
    public var problem: String

    /// Creates an error.
    public init(setting: String, problem: String) {
        self.setting = setting
        self.problem = problem
    }

    public var description: String { "\(setting): \(problem)" }
}
