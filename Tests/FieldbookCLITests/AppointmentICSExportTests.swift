import FieldbookModel
import FieldbookTestSupport
import Foundation
import Testing

/// The ICS checks: Python's `icalendar` reads the exported file (see ``ThirdPartyParser``).
enum PythonICalendar {
    /// Whether python3 can import icalendar here.
    static let isAvailable = ThirdPartyParser.isAvailable("icalendar")

    /// Whether this is CI, where a missing parser fails the test instead of skipping it.
    static var isCI: Bool { ThirdPartyParser.isCI }

    static func run(_ script: String, arguments: [String] = []) throws -> (status: Int32, output: String) {
        try ThirdPartyParser.python(script, arguments: arguments)
    }

    /// Parses an .ics file with icalendar and prints each VEVENT as one JSON object per line.
    static let dumpEvents = """
        import sys, json, icalendar
        data = open(sys.argv[1], 'rb').read()
        cal = icalendar.Calendar.from_ical(data)
        for event in cal.walk('VEVENT'):
            start = event.decoded('DTSTART')
            end = event.decoded('DTEND')
            print(json.dumps({
                'uid': str(event['UID']), 'summary': str(event['SUMMARY']),
                'location': str(event.get('LOCATION', '')), 'description': str(event.get('DESCRIPTION', '')),
                'start': start.isoformat(), 'end': end.isoformat(), 'sequence': int(event['SEQUENCE']),
                'stamp': event.decoded('DTSTAMP').isoformat()}))
        """
}

@Suite("fieldbook appointment export --ics")
struct AppointmentICSExportTests {
    static let subject = "Jahresgespräch, Preise; Rabatte \\ Staffel – mit einem sehr langen Betreff, der über 75 Oktette hinausgeht"

    func appointments(_ cli: CLIRunner) throws -> [[String: String]] {
        var writer = CSVWriter()
        writer.append(["subject", "location", "start", "end", "description"])
        writer.append([Self.subject, "Müller Bau, Halle 3", "2026-11-24T09:00:00Z", "2026-11-24T10:30:00Z", "Agenda:\n1. Preise\n2. Termine"])
        writer.append(["Kurzbesuch", "", "2026-12-01T14:00:00Z", "2026-12-01T14:30:00Z", ""])
        let file = cli.home + "/appointments.csv"
        try writer.text.write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try cli.run("import", "appointment", file).exitCode == 0)
        return try InterchangeFixtures.rows(cli.run("export", "appointment").stdout)
    }

    @Test func exportParsesInPythonsICalendarWithStableUIDsAndUTCTimes() throws {
        let cli = try CLIRunner()
        let records = try appointments(cli)
        let output = cli.home + "/calendar.ics"
        let result = try cli.run("appointment", "export", "--ics", "--output", output)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: output, encoding: .utf8)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(text.contains("DTSTAMP:20261123T080000Z"))

        guard PythonICalendar.isAvailable else {
            if PythonICalendar.isCI { Issue.record("python3 with icalendar is required under CI=true (.ci/run installs it)") }
            return
        }
        let parsed = try PythonICalendar.run(PythonICalendar.dumpEvents, arguments: [output])
        #expect(parsed.status == 0, "\(parsed.output)")
        let events = try parsed.output.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(events.count == 2)
        let first = try #require(events.first { ($0["summary"] as? String) == Self.subject })
        let record = try #require(records.first { $0["subject"] == Self.subject })
        #expect(first["uid"] as? String == (record["id"] ?? "") + "@fieldbook")
        #expect(first["start"] as? String == "2026-11-24T09:00:00+00:00")
        #expect(first["end"] as? String == "2026-11-24T10:30:00+00:00")
        #expect(first["location"] as? String == "Müller Bau, Halle 3")
        #expect(first["description"] as? String == "Agenda:\n1. Preise\n2. Termine")

        // Exporting again gives the same UIDs; --from/--to narrows the events.
        let narrow = try cli.run("appointment", "export", "--ics", "--from", "2026-11-30", "--to", "2026-12-31")
        #expect(narrow.stdout.components(separatedBy: "BEGIN:VEVENT").count == 2)
        #expect(narrow.stdout.contains("UID:" + (records.first { $0["subject"] == "Kurzbesuch" }?["id"] ?? "-") + "@fieldbook"))
    }

    @Test func fixtureICSParses() throws {
        guard PythonICalendar.isAvailable else {
            if PythonICalendar.isCI { Issue.record("python3 with icalendar is required under CI=true") }
            return
        }
        let parsed = try PythonICalendar.run(PythonICalendar.dumpEvents, arguments: [InterchangeFixtures.path("appointments.ics")])
        #expect(parsed.status == 0, "\(parsed.output)")
        #expect(parsed.output.split(separator: "\n").count == 2)
    }
}
