import FieldbookClient
import FieldbookModel
import FieldbookSync
import Foundation

/// What a command needs: the replica database, the user's clock and time
/// zone, and where output goes.
///
/// Environment: `FIELDBOOK_HOME` (data directory), `FIELDBOOK_TZ` (IANA
/// time zone for reading and showing local times; default: the system's),
/// `FIELDBOOK_NOW` (an ISO 8601 instant that replaces the wall clock — for
/// scripted demos and tests).
public struct CLIContext: Sendable {
    /// The local replica.
    public let database: ClientDatabase
    /// Whether to print JSON.
    public let json: Bool
    /// The user's time zone.
    public let timeZone: TimeZone
    /// The clock in use.
    public let clock: any PhysicalClock
    /// The signed-in user's role (from `fieldbook login`), `rep` when signed
    /// out: local writes are validated with it, as the server will.
    public var role: Role = .rep

    /// Opens the replica in the data directory named by `options`, creating both if needed.
    public static func open(_ options: GlobalOptions) throws -> CLIContext {
        let environment = ProcessInfo.processInfo.environment
        let home = dataDirectory(options)
        do {
            try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        } catch {
            throw CLIError("cannot create data directory \(home): \(error.localizedDescription)")
        }
        let clock: any PhysicalClock
        if let fixed = environment["FIELDBOOK_NOW"] {
            guard let instant = DateInput.parseInstant(fixed, timeZone: TimeZone(identifier: "UTC")!) else {
                throw CLIError("FIELDBOOK_NOW is not an ISO 8601 instant: \(fixed)", exitCode: 2)
            }
            clock = ManualClock(millis: UInt64(instant.secondsSinceEpoch) * 1000)
        } else {
            clock = SystemClock()
        }
        let timeZone = environment["FIELDBOOK_TZ"].flatMap(TimeZone.init(identifier:)) ?? TimeZone.current
        let database = try ClientDatabase.open(at: home + "/replica.sqlite", clock: clock)
        var context = CLIContext(database: database, json: options.json, timeZone: timeZone, clock: clock)
        if let role = (try? Credentials.loadFile(from: home))??.role { context.role = Role(rawValue: role) }
        return context
    }

    /// The data directory named by `options`: `--home`, else `$FIELDBOOK_HOME`, else `~/.fieldbook`.
    public static func dataDirectory(_ options: GlobalOptions) -> String {
        options.home ?? ProcessInfo.processInfo.environment["FIELDBOOK_HOME"]
            ?? (FileManager.default.homeDirectoryForCurrentUser.path + "/.fieldbook")
    }

    /// The current instant.
    public var now: UTCDateTime {
        UTCDateTime(secondsSinceEpoch: Int64(clock.nowMillis() / 1000))!
    }

    /// Today's date in the user's time zone.
    public var today: CalendarDate { DateInput.localDate(of: now, in: timeZone) }

    /// Prints `json` (pretty, sorted keys) with `--json`, else `human`.
    public func emit(_ json: JSONValue, human: @autoclosure () -> String) {
        if self.json {
            print(Self.encode(json))
        } else {
            let text = human()
            if !text.isEmpty { print(text) }
        }
    }

    /// Pretty-printed JSON with sorted keys.
    public static func encode(_ value: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(value), as: UTF8.self)) ?? "null"
    }
}
