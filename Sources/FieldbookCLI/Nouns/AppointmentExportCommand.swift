import ArgumentParser
import FieldbookClient
import FieldbookModel
import Foundation

extension AppointmentCommand {
    /// `fieldbook appointment export --ics`: appointments as an iCalendar
    /// file for Outlook, Google or Apple calendars (times in UTC, stable UIDs).
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export appointments as iCalendar (.ics).",
            discussion: "Times are written in UTC; calendar apps show them in your own time zone."
        )
        @OptionGroup var global: GlobalOptions
        @Flag(help: "iCalendar format (RFC 5545) — the only format, required for clarity.") var ics = false
        @Option(help: "Write to this file instead of standard output.") var output: String?
        @Option(help: "From this date or time (default: all).") var from: String?
        @Option(help: "Up to this date (inclusive) or time (exclusive).") var to: String?

        func run() async throws {
            guard ics else { throw CLIError("choose a format: --ics", exitCode: 2) }
            let context = try CLIContext.open(global)
            let lower = try from.map { try AppointmentTimes.bound($0, option: "from", isEnd: false, context: context) }
            let upper = try to.map { try AppointmentTimes.bound($0, option: "to", isEnd: true, context: context) }
            let appointments = try context.database.appointments(from: lower, to: upper)
            let text = ICalendarWriter(name: "Fieldbook", stamp: context.now).calendar(of: appointments)
            if let output {
                do {
                    try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
                } catch {
                    throw CLIError("cannot write \(output): \(error.localizedDescription)")
                }
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        }
    }
}
