import FieldbookCLI
import FieldbookModel
import Foundation
import Testing

@Suite("Date input")
struct DateInputTests {
    let berlin = TimeZone(identifier: "Europe/Berlin")!
    /// Monday 2026-11-23, 08:00 UTC (09:00 in Berlin).
    let now = UTCDateTime(parsing: "2026-11-23T08:00:00Z")!

    @Test(arguments: [
        ("2026-11-24T10:00:00Z", "2026-11-24T10:00:00Z"),
        ("2026-11-24T10:00", "2026-11-24T09:00:00Z"),
        ("2026-11-24 10:00", "2026-11-24T09:00:00Z"),
        ("2026-11-24T10:00+02:00", "2026-11-24T08:00:00Z"),
        ("today 14:00", "2026-11-23T13:00:00Z"),
        ("tomorrow 10:00", "2026-11-24T09:00:00Z"),
        ("Tomorrow 10:00", "2026-11-24T09:00:00Z"),
        ("10:30", "2026-11-23T09:30:00Z"),
        ("monday 9:30", "2026-11-23T08:30:00Z"),
        ("next monday 9:30", "2026-11-30T08:30:00Z"),
        ("friday 8:15", "2026-11-27T07:15:00Z"),
        ("in 3 days 10:00", "2026-11-26T09:00:00Z"),
        ("+2d 9:00", "2026-11-25T08:00:00Z"),
        ("23.11.2026 10:00", "2026-11-23T09:00:00Z"),
        ("now", "2026-11-23T08:00:00Z"),
    ])
    func instants(_ input: String, _ expected: String) {
        #expect(DateInput.parseInstant(input, timeZone: berlin, now: now)?.description == expected, "\(input)")
    }

    @Test(arguments: ["", "tomorrow 25:00", "someday", "2026-13-01", "10:61", "in x days"])
    func nonsenseIsRefused(_ input: String) {
        #expect(DateInput.parseInstant(input, timeZone: berlin, now: now) == nil, "\(input)")
    }

    @Test func datesAndSummerTime() {
        #expect(DateInput.parseDate("yesterday", timeZone: berlin, now: now)?.description == "2026-11-22")
        #expect(DateInput.parseDate("23.11.2026", timeZone: berlin, now: now)?.description == "2026-11-23")
        let summer = DateInput.parseInstant("2026-07-01 10:00", timeZone: berlin, now: now)
        #expect(summer?.description == "2026-07-01T08:00:00Z", "CEST is UTC+2")
        #expect(DateInput.localText(of: UTCDateTime(parsing: "2026-11-23T23:30:00Z")!, in: berlin) == "2026-11-24 00:30")
    }
}
