import ArgumentParser
import FieldbookModel
import Foundation

/// Options shared by `appointment add` and `appointment edit`.
struct AppointmentFields: ParsableArguments {
    @Option(help: "What the appointment is about.") var subject: String?
    @Option(help: "Start, e.g. 'tomorrow 10:00' or 2026-11-24T10:00.") var start: String?
    @Option(help: "End; a bare time (11:30) means the start's day.") var end: String?
    @Option(help: "Length instead of --end, e.g. 90m, 1h30.") var duration: String?
    @Option(help: "Where.") var location: String?
    @Option(help: "Account ID.") var account: String?
    @Option(help: "Contact ID.") var contact: String?
    @Option(help: "Opportunity ID.") var opportunity: String?
    @Option(help: "Ticket ID.") var ticket: String?
    @Option(help: "Organising user ID (whose calendar is checked for collisions).") var organizer: String?
    @Option(help: "Add an internal participant (user ID, repeatable).") var participant: [String] = []
    @Option(help: "Add an external participant (contact ID, repeatable).") var attendee: [String] = []
    @Option(help: "planned, held or cancelled.") var status: String?
    @Option(help: "Notes.") var description: String?
    @Option(help: "Set any other field: field=value (repeatable).") var set: [String] = []

    /// Field values other than start and end.
    var values: [String: String] {
        get throws {
            var values = try RecordCommandSupport.assignments(set)
            let named: [(String, String?)] = [
                ("subject", subject), ("location", location), ("account", account), ("contact", contact),
                ("opportunity", opportunity), ("ticket", ticket), ("organizer", organizer), ("status", status),
                ("description", description),
            ]
            for (field, value) in named { if let value { values[field] = value } }
            return values
        }
    }

    var elements: [String: [String]] {
        ["internalParticipants": participant, "externalParticipants": attendee].filter { !$0.value.isEmpty }
    }

    /// The end: `--end`, else start plus `--duration`, else start plus
    /// `keeping` minutes (the old duration when editing), else one hour.
    func end(after start: UTCDateTime, keeping: Int?, context: CLIContext) throws -> UTCDateTime {
        if end != nil, duration != nil { throw CLIError("give either --end or --duration, not both", exitCode: 2) }
        if let end {
            if let time = AppointmentTimes.clockTime(end) {
                let day = DateInput.localDate(of: start, in: context.timeZone)
                if let instant = DateInput.instant(day, hour: time.hour, minute: time.minute, in: context.timeZone) {
                    return instant
                }
            }
            return try AppointmentTimes.instant(end, option: "end", context: context)
        }
        if let duration {
            guard let minutes = AppointmentTimes.minutes(duration) else {
                throw CLIError("--duration: expected a length such as 90m, 1h30 or 45", exitCode: 2)
            }
            return AppointmentTimes.adding(minutes, to: start)
        }
        return AppointmentTimes.adding(keeping ?? 60, to: start)
    }
}
