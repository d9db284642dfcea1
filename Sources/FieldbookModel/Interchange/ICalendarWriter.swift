import FieldbookSync

/// Writes appointments as an iCalendar (RFC 5545) VCALENDAR: one VEVENT per
/// appointment with a stable UID (the appointment's `icalUID`, else
/// `<record id>@fieldbook`), DTSTAMP, LAST-MODIFIED and a SEQUENCE that
/// grows with every edit, lines folded at 75 octets, text escaped, CRLF.
///
/// Times are written in UTC (`…Z`): Fieldbook stores instants in UTC, so UTC
/// is exact and needs no VTIMEZONE; every calendar client shows them in the
/// viewer's own zone. All-day appointments are `VALUE=DATE` days (UTC dates).
///
/// ```swift
/// let ics = ICalendarWriter(name: "Fieldbook", stamp: now).calendar(of: appointments)
/// ```
public struct ICalendarWriter: Sendable {
    /// The calendar's display name (`X-WR-CALNAME`).
    public let name: String
    /// The DTSTAMP of every event: when the file was made.
    public let stamp: UTCDateTime

    /// A writer naming its calendar `name`, stamped `stamp`.
    public init(name: String, stamp: UTCDateTime) {
        self.name = name
        self.stamp = stamp
    }

    /// The VCALENDAR of the live `appointments` (deleted ones left out), ordered by start.
    public func calendar(of appointments: [RecordState]) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Fieldbook//Fieldbook CRM//EN", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:" + Self.escape(name),
        ]
        let live = appointments.filter { !$0.isDeleted && $0.entity == "appointment" }
            .sorted { ($0.value("start")?.text ?? "", $0.id) < ($1.value("start")?.text ?? "", $1.id) }
        for appointment in live { lines += event(appointment) }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// The VEVENT lines of one appointment (unfolded).
    func event(_ record: RecordState) -> [String] {
        let uid = record.value("icalUID")?.text ?? record.id + "@fieldbook"
        var lines = ["BEGIN:VEVENT", "UID:" + Self.escape(uid), "DTSTAMP:" + Self.basic(stamp)]
        let start = record.value("start")?.text.flatMap(UTCDateTime.init(parsing:))
        let end = record.value("end")?.text.flatMap(UTCDateTime.init(parsing:))
        if record.value("allDay") == .bool(true), let start {
            let first = start.date
            let last = end.map { $0.date > first ? $0.date : first.adding(days: 1) } ?? first.adding(days: 1)
            lines.append("DTSTART;VALUE=DATE:" + Self.basic(first))
            lines.append("DTEND;VALUE=DATE:" + Self.basic(last))
        } else {
            if let start { lines.append("DTSTART:" + Self.basic(start)) }
            if let end { lines.append("DTEND:" + Self.basic(end)) }
        }
        let modified = Self.lastModified(record)
        if let modified { lines.append("LAST-MODIFIED:" + Self.basic(modified)) }
        // Seconds since 2020-01-01 of the last edit: grows with every edit on any device.
        let sequence = max(0, (modified?.secondsSinceEpoch ?? 0) - 1_577_836_800)
        lines.append("SEQUENCE:\(sequence)")
        lines.append("SUMMARY:" + Self.escape(record.value("subject")?.text ?? ""))
        if let location = record.value("location")?.text { lines.append("LOCATION:" + Self.escape(location)) }
        if let description = record.value("description")?.text { lines.append("DESCRIPTION:" + Self.escape(description)) }
        switch record.value("status")?.text {
        case "cancelled": lines.append("STATUS:CANCELLED")
        case "planned", "held": lines.append("STATUS:CONFIRMED")
        default: break
        }
        lines.append("END:VEVENT")
        return lines
    }

    /// The latest time any value of the record was written.
    static func lastModified(_ record: RecordState) -> UTCDateTime? {
        let millis = record.slots.values.flatMap { $0.entries.map(\.time.millis) }.max()
        return millis.flatMap { UTCDateTime(secondsSinceEpoch: Int64($0 / 1000)) }
    }

    /// `20261123T100000Z`.
    static func basic(_ instant: UTCDateTime) -> String {
        instant.description.filter { $0 != "-" && $0 != ":" }
    }

    /// `20261123`.
    static func basic(_ date: CalendarDate) -> String { date.description.filter { $0 != "-" } }

    /// TEXT escaping (RFC 5545 §3.3.11): `\` `;` `,` and line breaks.
    public static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n", "\r\n", "\r": result += "\\n"
            default: result.append(character)
            }
        }
        return result
    }

    /// Folds a content line into lines of at most 75 octets (RFC 5545 §3.1),
    /// never splitting a UTF-8 character; continuation lines start with a space.
    public static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var result = ""
        var lineOctets = 0
        var limit = 75
        for character in line {
            let size = String(character).utf8.count
            if lineOctets + size > limit {
                result += "\r\n "
                lineOctets = 0
                limit = 74  // the leading space counts
            }
            result.append(character)
            lineOctets += size
        }
        return result
    }
}
