import ArgumentParser
import FieldbookServerCore
import FieldbookServerStorePostgres
import FieldbookServerStoreSQLite
import Foundation
import Logging

/// The administration subcommands of `fieldbook-server` (users, devices,
/// teams, territories, account assignment) and what they share: the data
/// directory option, opening the stores, error reporting and tables.
///
/// Exit codes: 0 success, 1 unexpected failure (e.g. database), 2 invalid
/// input, 3 not found, 4 conflict (name/login taken), 64 usage errors.
enum AdminCommands {
    /// Subcommands listed after `serve`.
    static let all: [any ParsableCommand.Type] = [
        UserCommand.self, DeviceCommand.self, TeamCommand.self, TerritoryCommand.self, AccountCommand.self,
    ]

    /// The sync store's file name inside the data directory (the same as `ServerServices.storeURL(in:)` on the HTTP branch).
    static let storeFileName = "sync.sqlite"

    /// Opens the sync store and the identity directory of `data`, runs
    /// `body`, closes both, and turns failures into a message on stderr and
    /// an exit code. Both databases are WAL with a busy timeout, so this
    /// works while a server runs on the same directory.
    static func run(_ data: DataDirectoryOptions, _ body: (IdentityService) async throws -> Void) async throws {
        do {
            if let database = try data.database() {
                try await runOnPostgres(database, body)
                return
            }
            let directory = data.url
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let store = try SQLiteServerStore(path: directory.appendingPathComponent(storeFileName).path)
            defer { try? store.close() }
            var logger = Logger(label: "fieldbook.admin")
            logger.logLevel = .warning
            let sync = SyncService(store: store, clock: WallClock())
            let identity = try IdentityService.open(dataDirectory: directory, sync: sync, logger: logger)
            defer { try? identity.close() }
            try await body(identity)
        } catch let error as IdentityError {
            printError(error.message)
            throw ExitCode(error.exitCode)
        } catch let error as ExitCode {
            throw error
        } catch let error as ValidationError {
            throw error
        } catch {
            printError("\(error)")
            throw ExitCode.failure
        }
    }

    /// Opens the sync store and the directory in the PostgreSQL database,
    /// runs `body` and closes the pool (also when `body` throws).
    private static func runOnPostgres(_ url: PostgresDatabaseURL, _ body: (IdentityService) async throws -> Void) async throws {
        var logger = Logger(label: "fieldbook.admin")
        logger.logLevel = .warning
        let database = try await PostgresPool.connect(url, maximumConnections: 2, logger: logger)
        do {
            let sync = SyncService(store: try await PostgresServerStore(database: database), clock: WallClock())
            let identity = try await IdentityService.open(postgres: database, sync: sync, logger: logger)
            try await body(identity)
        } catch {
            await database.close()
            throw error
        }
        await database.close()
    }

    /// Writes `error: message` to stderr.
    static func printError(_ message: String) {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    }

    /// Pretty, key-sorted JSON with ISO 8601 dates, on stdout.
    static func printJSON(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// An aligned text table: a header row, then one row per entry.
    static func table(_ headers: [String], _ rows: [[String]]) -> String {
        var widths = headers.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], cell.count) }
        }
        return ([headers] + rows).map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    /// A date as `2026-11-22 11:05` (UTC), or `-`.
    static func format(_ date: Date?) -> String {
        guard let date else { return "-" }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}

/// `--data DIR`: the server's data directory (default `$FIELDBOOK_SERVER_DATA`,
/// then `./fieldbook-data`); `--database URL`: the PostgreSQL database
/// instead (default `$FIELDBOOK_DATABASE_URL`), as for `serve`.
struct DataDirectoryOptions: ParsableArguments {
    /// The environment variable naming the default data directory.
    static let environmentVariable = "FIELDBOOK_SERVER_DATA"

    @Option(
        name: .customLong("data"),
        help: "The server's data directory (default: $FIELDBOOK_SERVER_DATA or ./fieldbook-data)."
    )
    var data: String?

    @Option(
        name: .customLong("database"),
        help: "PostgreSQL URL of the server's database (default: $FIELDBOOK_DATABASE_URL; none: SQLite in --data)."
    )
    var databaseURL: String?

    /// The PostgreSQL database to use, nil for the SQLite files in ``url``.
    func database() throws -> PostgresDatabaseURL? {
        do {
            return try FieldbookServerConfiguration.resolveDatabase(databaseURL)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// The directory to use.
    var url: URL {
        let path = data ?? ProcessInfo.processInfo.environment[Self.environmentVariable] ?? "./fieldbook-data"
        return URL(fileURLWithPath: path, isDirectory: true)
    }
}
