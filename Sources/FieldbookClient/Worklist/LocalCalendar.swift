import FieldbookModel
import Foundation

/// Conversions between stored UTC instants and the user's calendar days.
///
/// Stored `dateTime` values are UTC; what counts as "today" or "on
/// 2026-11-23" depends on the user's time zone, including days of 23 or 25
/// hours when daylight saving time starts or ends.
enum LocalCalendar {
    /// The first instant of `day` in `timeZone`.
    static func start(of day: CalendarDate, in timeZone: TimeZone) -> UTCDateTime {
        var parts = DateComponents()
        (parts.year, parts.month, parts.day, parts.hour) = (day.year, day.month, day.day, 12)
        let calendar = gregorian(timeZone)
        // Noon always exists; midnight may not (zones that switch DST at 00:00).
        let noon = calendar.date(from: parts) ?? Date(timeIntervalSince1970: TimeInterval(day.daysSinceEpoch) * 86_400)
        return utc(calendar.startOfDay(for: noon))
    }

    /// The half-open interval [start, end) of `day` in `timeZone`.
    static func interval(of day: CalendarDate, in timeZone: TimeZone) -> (start: UTCDateTime, end: UTCDateTime) {
        (start(of: day, in: timeZone), start(of: day.adding(days: 1), in: timeZone))
    }

    /// The calendar day `instant` falls on in `timeZone`.
    static func day(of instant: UTCDateTime, in timeZone: TimeZone) -> CalendarDate {
        let date = Date(timeIntervalSince1970: TimeInterval(instant.secondsSinceEpoch))
        let parts = gregorian(timeZone).dateComponents([.year, .month, .day], from: date)
        return CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? instant.date
    }

    private static func gregorian(_ timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    private static func utc(_ date: Date) -> UTCDateTime {
        UTCDateTime(secondsSinceEpoch: Int64(date.timeIntervalSince1970.rounded(.down)))
            ?? UTCDateTime(secondsSinceEpoch: 0)!
    }
}
