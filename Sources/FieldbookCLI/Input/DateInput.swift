import FieldbookModel
import Foundation

/// Reads dates and times the way people type them, in the user's time zone.
///
/// Instants: ISO 8601 (`2026-11-23T10:00:00Z`, `2026-11-23T10:00+01:00`,
/// `2026-11-23T10:00` and `2026-11-23 10:00` in local time), everyday forms
/// (`now`, `today 14:00`, `tomorrow 10:00`, `monday 9:30`, `next friday 8:15`,
/// `in 3 days 10:00`, `+2d 9:00`, a bare `10:00` meaning today), and German
/// dates (`23.11.2026 10:00`). Dates: the same day forms without a time.
/// A weekday name means today if today is that day, else the next one;
/// `next <weekday>` is always after today.
public enum DateInput {
    /// Parses an instant; nil when the text is not understood.
    public static func parseInstant(_ text: String, timeZone: TimeZone, now: UTCDateTime? = nil) -> UTCDateTime? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let exact = UTCDateTime(parsing: trimmed) { return exact }
        if let iso = parseISOWithOffset(trimmed) { return iso }
        var words = trimmed.lowercased().split(separator: " ").map(String.init)
        // ISO local form "2026-11-23T10:00": split the date from the time.
        if words.count == 1, let separator = words[0].firstIndex(of: "t"),
            CalendarDate(parsing: String(words[0][..<separator])) != nil
        {
            words = [String(words[0][..<separator]), String(words[0][words[0].index(after: separator)...])]
        }
        guard !words.isEmpty else { return nil }
        if words == ["now"], let now { return now }
        var dayWords = words
        var time: (hour: Int, minute: Int) = (0, 0)
        if let last = words.last, let parsed = parseTime(last) {
            time = parsed
            dayWords.removeLast()
        }
        let day: CalendarDate
        if dayWords.isEmpty {
            guard let now else { return nil }
            day = localDate(of: now, in: timeZone)
        } else {
            guard let parsed = parseDay(dayWords, timeZone: timeZone, now: now) else { return nil }
            day = parsed
        }
        return instant(day, hour: time.hour, minute: time.minute, in: timeZone)
    }

    /// Parses a calendar date; nil when the text is not understood.
    public static func parseDate(_ text: String, timeZone: TimeZone, now: UTCDateTime? = nil) -> CalendarDate? {
        let words = text.trimmingCharacters(in: .whitespaces).lowercased().split(separator: " ").map(String.init)
        return parseDay(words, timeZone: timeZone, now: now)
    }

    /// The calendar day `instant` falls on in `timeZone`.
    public static func localDate(of instant: UTCDateTime, in timeZone: TimeZone) -> CalendarDate {
        let parts = calendar(timeZone).dateComponents([.year, .month, .day], from: date(instant))
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// `YYYY-MM-DD HH:MM` in `timeZone`, for tables.
    public static func localText(of instant: UTCDateTime, in timeZone: TimeZone) -> String {
        let parts = calendar(timeZone).dateComponents([.year, .month, .day, .hour, .minute], from: date(instant))
        let day = CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
        return day.description + " " + pad(parts.hour!) + ":" + pad(parts.minute!)
    }

    /// The instant of `hour:minute` local time on `day`.
    public static func instant(_ day: CalendarDate, hour: Int, minute: Int, in timeZone: TimeZone) -> UTCDateTime? {
        var parts = DateComponents()
        (parts.year, parts.month, parts.day, parts.hour, parts.minute) = (day.year, day.month, day.day, hour, minute)
        guard let date = calendar(timeZone).date(from: parts) else { return nil }
        return UTCDateTime(secondsSinceEpoch: Int64(date.timeIntervalSince1970.rounded(.down)))
    }

    private static func parseDay(_ words: [String], timeZone: TimeZone, now: UTCDateTime?) -> CalendarDate? {
        let joined = words.joined(separator: " ")
        if let iso = CalendarDate(parsing: joined) { return iso }
        if let german = parseGermanDate(joined) { return german }
        guard let now else { return nil }
        let today = localDate(of: now, in: timeZone)
        switch words {
        case ["today"]: return today
        case ["tomorrow"]: return today.adding(days: 1)
        case ["yesterday"]: return today.adding(days: -1)
        default: break
        }
        if words.count == 3, words[0] == "in", let count = Int(words[1]), ["day", "days"].contains(words[2]) {
            return today.adding(days: count)
        }
        if words.count == 3, words[0] == "in", let count = Int(words[1]), ["week", "weeks"].contains(words[2]) {
            return today.adding(days: 7 * count)
        }
        if words.count == 1, words[0].hasPrefix("+"), words[0].hasSuffix("d"), let count = Int(words[0].dropFirst().dropLast()) {
            return today.adding(days: count)
        }
        let next = words.first == "next"
        guard let name = (next ? words.dropFirst() : words[...]).first, words.count == (next ? 2 : 1),
            let weekday = weekdays.firstIndex(where: { $0.hasPrefix(name) && name.count >= 2 })
        else { return nil }
        let todayIndex = (today.daysSinceEpoch + 3) % 7  // 1970-01-01 was a Thursday; 0 = Monday
        // "monday" is today when today is a Monday; "next monday" is strictly later.
        var ahead = (weekday - todayIndex + 7) % 7
        if next && ahead == 0 { ahead = 7 }
        return today.adding(days: ahead)
    }

    private static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    private static func parseTime(_ text: String) -> (hour: Int, minute: Int)? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts.count > 1 || text.hasSuffix("h"),
            let hour = Int(parts[0].filter(\.isNumber)), (0...23).contains(hour)
        else { return nil }
        let minute = parts.count > 1 ? Int(parts[1]) : 0
        guard let minute, (0...59).contains(minute) else { return nil }
        return (hour, minute)
    }

    private static func parseGermanDate(_ text: String) -> CalendarDate? {
        let parts = text.split(separator: ".")
        guard parts.count == 3, let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]),
            parts[2].count == 4
        else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// `YYYY-MM-DDTHH:MM[:SS](Z|±HH:MM)`: an explicit zone, so no local time zone applies.
    private static func parseISOWithOffset(_ text: String) -> UTCDateTime? {
        let characters = Array(text)
        guard characters.count >= 17, characters[10] == "T" || characters[10] == "t",
            let day = CalendarDate(parsing: String(characters[0..<10]))
        else { return nil }
        let rest = characters[11...]
        guard let zoneStart = rest.firstIndex(where: { $0 == "Z" || $0 == "z" || $0 == "+" || $0 == "-" }) else {
            return nil
        }
        let clock = String(characters[11..<zoneStart]).split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(clock.count), let hour = Int(clock[0]), let minute = Int(clock[1]),
            clock[0].count == 2, clock[1].count == 2, (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        let second = clock.count == 3 ? Int(clock[2].prefix(2)) : 0
        guard let second, (0...59).contains(second) else { return nil }
        var offsetSeconds = 0
        let zone = String(characters[zoneStart...])
        if zone.uppercased() != "Z" {
            let parts = zone.dropFirst().split(separator: ":")
            guard parts.count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]), hours <= 14, minutes < 60 else {
                return nil
            }
            offsetSeconds = (hours * 3600 + minutes * 60) * (zone.hasPrefix("-") ? -1 : 1)
        }
        let seconds = Int64(day.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offsetSeconds)
        return UTCDateTime(secondsSinceEpoch: seconds)
    }

    private static func calendar(_ timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    private static func date(_ instant: UTCDateTime) -> Date {
        Date(timeIntervalSince1970: TimeInterval(instant.secondsSinceEpoch))
    }

    private static func pad(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
}
