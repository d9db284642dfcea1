import FieldbookModel
import FieldbookSync
import Testing

@Suite("Dates and times")
struct CalendarTests {
    @Test(arguments: ["2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31", "2025-12-31"])
    func acceptsRealDays(text: String) {
        #expect(CalendarDate(parsing: text)?.description == text)
    }

    @Test(arguments: ["2025-02-29", "1900-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "0000-01-01",
                      "2025-1-01", "2025/01/01", "20250101", "2025-01-01T00:00:00Z", "", "２０２５-01-01"])
    func rejectsOtherText(text: String) {
        #expect(CalendarDate(parsing: text) == nil)
    }

    @Test func epochDaysRoundTrip() throws {
        #expect(CalendarDate(parsing: "1970-01-01")?.daysSinceEpoch == 0)
        #expect(CalendarDate(parsing: "2000-03-01")?.daysSinceEpoch == 11_017)
        #expect(CalendarDate(parsing: "1969-12-31")?.daysSinceEpoch == -1)
        for days in stride(from: -719_162, through: 2_932_896, by: 997) {
            let date = try #require(CalendarDate(daysSinceEpoch: days))
            #expect(date.daysSinceEpoch == days)
        }
        #expect(CalendarDate(parsing: "2024-02-28")?.adding(days: 1).description == "2024-02-29")
        #expect(CalendarDate(parsing: "2024-12-31")?.adding(days: 1).description == "2025-01-01")
    }

    @Test func dateTimesAreUTCWithSecondPrecision() throws {
        let start = try #require(UTCDateTime(parsing: "2025-03-04T08:30:00Z"))
        #expect(start.description == "2025-03-04T08:30:00Z")
        #expect(start.value == .text("2025-03-04T08:30:00Z"))
        #expect(UTCDateTime(secondsSinceEpoch: 0)?.description == "1970-01-01T00:00:00Z")
        #expect(UTCDateTime(secondsSinceEpoch: -1)?.description == "1969-12-31T23:59:59Z")
        let later = try #require(UTCDateTime(secondsSinceEpoch: start.secondsSinceEpoch + 90_061))
        #expect(later.description == "2025-03-05T09:31:01Z")
        #expect(later.seconds(since: start) == 90_061)
        #expect(start < later)
        for text in ["2025-03-04T08:30:00+01:00", "2025-03-04T08:30:00.000Z", "2025-03-04 08:30:00Z",
                     "2025-03-04T24:00:00Z", "2025-03-04T08:60:00Z", "2025-02-30T08:30:00Z"] {
            #expect(UTCDateTime(parsing: text) == nil)
        }
    }
}
