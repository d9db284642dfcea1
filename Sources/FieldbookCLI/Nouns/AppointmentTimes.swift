import FieldbookModel
import Foundation

/// Reading the times of appointments (and durations of activities) as
/// people type them, in the user's time zone.
enum AppointmentTimes {
    /// Minutes in a duration: `90m`, `90min`, `1h`, `1.5h`, `1h30`, `1h30m`,
    /// `1:30`, or a bare number of minutes (`45`). Nil when not understood
    /// or not positive.
    static func minutes(_ text: String) -> Int? {
        let compact = text.lowercased().filter { !$0.isWhitespace }
        if let plain = Int(compact) { return plain > 0 ? plain : nil }
        if compact.contains(":") {
            let parts = compact.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]), (0..<60).contains(minutes)
            else { return nil }
            return positive(hours * 60 + minutes)
        }
        for suffix in ["minutes", "minute", "mins", "min", "m"] where compact.hasSuffix(suffix) {
            return Int(compact.dropLast(suffix.count)).flatMap(positive)
        }
        guard let h = compact.firstIndex(of: "h") else { return nil }
        let hoursText = compact[..<h]
        var rest = compact[compact.index(after: h)...]
        if rest.hasSuffix("m") { rest = rest.dropLast() }
        let minutes = rest.isEmpty ? 0 : Int(rest)
        guard let minutes, (0..<60).contains(minutes) else { return nil }
        if let hours = Int(hoursText) { return positive(hours * 60 + minutes) }
        // Fractional hours: "1.5h" (no minutes after the h).
        guard rest.isEmpty, let hours = try? DecimalNumber(parsing: String(hoursText)),
            let total = try? DecimalNumber.product([hours, DecimalNumber(60)], roundedTo: 0)
        else { return nil }
        return positive(Int(total.significand))
    }

    /// The instant typed for `option` (`tomorrow 10:00`, ISO 8601, …).
    /// - Throws: a usage error naming the option.
    static func instant(_ text: String, option: String, context: CLIContext) throws -> UTCDateTime {
        guard let instant = parse(text, context: context) else {
            throw CLIError(
                "--\(option): expected a date and time such as 2026-11-23T10:00 or tomorrow 10:00", exitCode: 2)
        }
        return instant
    }

    /// Parses an instant the way every date-time input is read (``DateInput``).
    static func parse(_ text: String, context: CLIContext) -> UTCDateTime? {
        DateInput.parseInstant(text, timeZone: context.timeZone, now: context.now)
    }

    /// `H:MM` or `HH:MM` alone, as hour and minute.
    static func clockTime(_ text: String) -> (hour: Int, minute: Int)? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]),
            (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        return (hour, minute)
    }

    /// A range bound for `--from`/`--to`: a bare date means its first instant
    /// for `--from` and the first instant of the next day for `--to` (the
    /// whole day included).
    static func bound(_ text: String, option: String, isEnd: Bool, context: CLIContext) throws -> UTCDateTime {
        if let day = DateInput.parseDate(text, timeZone: context.timeZone, now: context.now),
            let start = DateInput.instant(isEnd ? day.adding(days: 1) : day, hour: 0, minute: 0, in: context.timeZone)
        {
            return start
        }
        return try instant(text, option: option, context: context)
    }

    /// `instant` plus `minutes`.
    static func adding(_ minutes: Int, to instant: UTCDateTime) -> UTCDateTime {
        UTCDateTime(secondsSinceEpoch: instant.secondsSinceEpoch + Int64(minutes) * 60) ?? instant
    }

    private static func positive(_ minutes: Int) -> Int? { minutes > 0 ? minutes : nil }
}
