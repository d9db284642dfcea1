import FieldbookModel

/// RFC 5322 §3.3 dates (`Tue, 17 Nov 2026 09:15:00 +0100`), read into UTC.
enum MailDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    /// Obsolete zone names (RFC 5322 §4.3), in minutes east of UTC.
    private static let zones: [String: Int] = [
        "UT": 0, "GMT": 0, "Z": 0, "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420, "MDT": -360,
        "PST": -480, "PDT": -420, "CET": 60, "CEST": 120,
    ]

    /// The instant a Date header names, or nil when it cannot be read.
    static func parse(_ header: String) -> UTCDateTime? {
        var text = header
        if let comma = text.firstIndex(of: ",") { text = String(text[text.index(after: comma)...]) }
        if let comment = text.firstIndex(of: "(") { text = String(text[..<comment]) }
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }).map(String.init)
        guard tokens.count >= 4, let day = Int(tokens[0]),
            let monthIndex = months.firstIndex(of: String(tokens[1].prefix(3)).lowercased()), var year = Int(tokens[2])
        else { return nil }
        if year < 50 { year += 2000 } else if year < 1000 { year += 1900 }
        let time = tokens[3].split(separator: ":").compactMap { Int($0) }
        guard time.count >= 2, let date = CalendarDate(year: year, month: monthIndex + 1, day: day),
            let local = UTCDateTime(date: date, hour: time[0], minute: time[1], second: time.count > 2 ? time[2] : 0)
        else { return nil }
        let offset = tokens.count > 4 ? zoneOffset(tokens[4]) : 0
        return UTCDateTime(secondsSinceEpoch: local.secondsSinceEpoch - Int64(offset) * 60)
    }

    /// `+0100` → 60, `-0530` → -330, `GMT` → 0; unknown → 0.
    private static func zoneOffset(_ token: String) -> Int {
        if let known = zones[token.uppercased()] { return known }
        guard token.count == 5, let sign = token.first, sign == "+" || sign == "-",
            let hours = Int(token.dropFirst().prefix(2)), let minutes = Int(token.suffix(2))
        else { return 0 }
        return (sign == "-" ? -1 : 1) * (hours * 60 + minutes)
    }
}
