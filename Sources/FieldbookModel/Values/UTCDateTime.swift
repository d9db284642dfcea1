import FieldbookSync

/// An instant in UTC with second precision, as stored in `dateTime` fields:
/// `YYYY-MM-DDTHH:MM:SSZ`.
///
/// One fixed format (no offsets, no fractional seconds) keeps text order equal
/// to time order, so servers and SQLite can compare the stored strings.
/// Clients convert to local time for display.
///
/// ```swift
/// let start = UTCDateTime(parsing: "2025-03-04T08:30:00Z")!
/// let end = UTCDateTime(secondsSinceEpoch: start.secondsSinceEpoch + 3600)!
/// ```
public struct UTCDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The UTC calendar day.
    public let date: CalendarDate
    /// Hour 0...23.
    public let hour: Int
    /// Minute 0...59.
    public let minute: Int
    /// Second 0...59 (leap seconds are not represented).
    public let second: Int

    /// Creates an instant; nil when a component is out of range.
    public init?(date: CalendarDate, hour: Int, minute: Int, second: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else { return nil }
        self.date = date
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// Parses exactly `YYYY-MM-DDTHH:MM:SSZ`; nil otherwise.
    public init?(parsing text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 20, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
            bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "Z"),
            let date = CalendarDate(parsing: String(decoding: bytes[0..<10], as: UTF8.self)),
            let hour = CalendarDate.number(bytes[11..<13]), let minute = CalendarDate.number(bytes[14..<16]),
            let second = CalendarDate.number(bytes[17..<19])
        else { return nil }
        self.init(date: date, hour: hour, minute: minute, second: second)
    }

    /// The instant `seconds` after 1970-01-01T00:00:00Z; nil outside years 1–9999.
    public init?(secondsSinceEpoch seconds: Int64) {
        let (days, rest) = seconds.quotientAndRemainder(dividingBy: 86_400)
        let dayOffset = rest < 0 ? Int(days) - 1 : Int(days)
        let secondOfDay = Int(rest < 0 ? rest + 86_400 : rest)
        guard let date = CalendarDate(daysSinceEpoch: dayOffset) else { return nil }
        self.init(date: date, hour: secondOfDay / 3600, minute: secondOfDay / 60 % 60, second: secondOfDay % 60)
    }

    /// Seconds since 1970-01-01T00:00:00Z.
    public var secondsSinceEpoch: Int64 {
        Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    /// Seconds from `earlier` to this instant (negative if `earlier` is later).
    public func seconds(since earlier: UTCDateTime) -> Int64 { secondsSinceEpoch - earlier.secondsSinceEpoch }

    /// Canonical text `YYYY-MM-DDTHH:MM:SSZ`.
    public var description: String {
        date.description + "T" + CalendarDate.pad(hour, 2) + ":" + CalendarDate.pad(minute, 2) + ":"
            + CalendarDate.pad(second, 2) + "Z"
    }

    /// The wire value: `.text("YYYY-MM-DDTHH:MM:SSZ")`.
    public var value: Value { .text(description) }

    public static func < (lhs: UTCDateTime, rhs: UTCDateTime) -> Bool {
        (lhs.date, lhs.hour, lhs.minute, lhs.second) < (rhs.date, rhs.hour, rhs.minute, rhs.second)
    }
}
