import Foundation
import PostgresNIO

/// Where a PostgreSQL database is: a `postgres://` (or `postgresql://`) URL.
///
/// ```text
/// postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?schema=NAME&sslmode=disable|prefer|require]
/// ```
///
/// - `schema` puts every table in that schema (created if missing) instead of
///   `public`, so several deployments or tests can share one database.
/// - `sslmode` defaults to `prefer` (TLS when the server offers it).
///
/// The password never appears in ``redacted`` or in errors.
///
/// ```swift
/// let url = try PostgresDatabaseURL("postgres://fieldbook:secret@db.internal:5432/fieldbook")
/// let database = try await PostgresPool.connect(url, logger: logger)
/// ```
public struct PostgresDatabaseURL: Sendable, Hashable, CustomStringConvertible {
    /// How the connection uses TLS.
    public enum TLSMode: String, Sendable, Hashable {
        case disable, prefer, require
    }

    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    /// The schema holding the tables; nil is `public`.
    public var schema: String?
    public var tls: TLSMode

    /// Parses `text`.
    /// - Throws: ``PostgresDatabaseURLError`` naming what is wrong (never the password).
    public init(_ text: String) throws(PostgresDatabaseURLError) {
        guard let components = URLComponents(string: text),
            let scheme = components.scheme?.lowercased(), scheme == "postgres" || scheme == "postgresql"
        else { throw PostgresDatabaseURLError("not a postgres:// URL") }
        guard let host = components.host, !host.isEmpty else { throw PostgresDatabaseURLError("the URL names no host") }
        guard let user = components.user, !user.isEmpty else { throw PostgresDatabaseURLError("the URL names no user") }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty else { throw PostgresDatabaseURLError("the URL names no database") }
        self.host = host
        self.port = components.port ?? 5432
        self.username = user.removingPercentEncoding ?? user
        self.password = components.password.map { $0.removingPercentEncoding ?? $0 }
        self.database = database.removingPercentEncoding ?? database
        self.tls = .prefer
        for item in components.queryItems ?? [] {
            switch item.name {
            case "schema":
                guard let value = item.value, Self.isPlainIdentifier(value) else {
                    throw PostgresDatabaseURLError("schema must be a lowercase identifier ([a-z_][a-z0-9_]*, at most 63 characters)")
                }
                schema = value
            case "sslmode":
                guard let mode = item.value.flatMap(TLSMode.init(rawValue:)) else {
                    throw PostgresDatabaseURLError("sslmode must be disable, prefer or require")
                }
                tls = mode
            default:
                throw PostgresDatabaseURLError("unknown URL parameter '\(item.name)' (known: schema, sslmode)")
            }
        }
    }

    /// The URL with the password replaced by `***`, for logs and errors.
    public var redacted: String {
        let credentials = password == nil ? username : "\(username):***"
        let query = [schema.map { "schema=\($0)" }, tls == .prefer ? nil : "sslmode=\(tls.rawValue)"].compactMap { $0 }
        return "postgres://\(credentials)@\(host):\(port)/\(database)" + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
    }

    public var description: String { redacted }

    /// The complete URL, password included: for handing to another process
    /// (`--database`), never for logs.
    public var connectionString: String {
        var components = URLComponents()
        components.scheme = "postgres"
        components.user = username
        components.password = password
        components.host = host
        components.port = port
        components.path = "/" + database
        var items: [URLQueryItem] = []
        if let schema { items.append(URLQueryItem(name: "schema", value: schema)) }
        if tls != .prefer { items.append(URLQueryItem(name: "sslmode", value: tls.rawValue)) }
        components.queryItems = items.isEmpty ? nil : items
        return components.string ?? redacted
    }

    /// The same database with another schema.
    public func with(schema: String?) -> PostgresDatabaseURL {
        var copy = self
        copy.schema = schema
        return copy
    }

    /// The postgres-nio client configuration: the schema goes in as the
    /// connections' `search_path`.
    func clientConfiguration(maximumConnections: Int) -> PostgresClient.Configuration {
        let tlsConfiguration: PostgresClient.Configuration.TLS =
            switch tls {
            case .disable: .disable
            case .prefer: .prefer(.makeClientConfiguration())
            case .require: .require(.makeClientConfiguration())
            }
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tlsConfiguration
        )
        configuration.options.maximumConnections = max(1, maximumConnections)
        if let schema { configuration.options.additionalStartupParameters = [("search_path", schema)] }
        return configuration
    }

    /// `[a-z_][a-z0-9_]{0,62}`: safe to put into SQL unquoted.
    static func isPlainIdentifier(_ text: String) -> Bool {
        guard let first = text.utf8.first, text.utf8.count <= 63 else { return false }
        let lower = UInt8(ascii: "a")...UInt8(ascii: "z")
        let digits = UInt8(ascii: "0")...UInt8(ascii: "9")
        guard lower.contains(first) || first == UInt8(ascii: "_") else { return false }
        return text.utf8.allSatisfy { lower.contains($0) || digits.contains($0) || $0 == UInt8(ascii: "_") }
    }
}

/// A PostgreSQL URL that cannot be used.
public struct PostgresDatabaseURLError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong with the URL.
    public var problem: String

    init(_ problem: String) { self.problem = problem }

    public var description: String { "invalid PostgreSQL URL: \(problem)" }
}
