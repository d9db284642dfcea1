import ArgumentParser
import FieldbookClient
import FieldbookModel
import FieldbookSync
import Foundation

/// `fieldbook appointment …`: the rep's calendar. Adding or moving an
/// appointment over another of the same rep is refused (exit code 5)
/// unless `--force` is given.
struct AppointmentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "appointment",
        abstract: "Calendar appointments, with collision detection.",
        subcommands: [Add.self, List.self, ShowRecord<AppointmentCommand>.self, Edit.self, DeleteRecord<AppointmentCommand>.self, Export.self]
    )

    /// Columns of appointment lists.
    static func columns(_ tables: RecordTables) -> [RecordTables.Column] {
        [
            tables.id, tables.field("start"), tables.field("end"), tables.field("subject"), tables.field("location"),
            tables.reference("account"), tables.field("status"),
        ]
    }

    /// Saves through the collision check; on a collision prints the
    /// overlapping appointments and fails with exit code 5.
    static func save(
        _ id: String, force: Bool, _ support: RecordCommandSupport, _ body: (inout ChangeBuilder) throws -> Void
    ) throws -> RecordState {
        do {
            return try support.context.database.saveAppointment(id, allowingCollisions: force, body)
        } catch let conflict as SchedulingConflict {
            let tables = RecordTables(context: support.context)
            if support.context.json {
                let report: JSONValue = [
                    "error": "scheduling_conflict",
                    "collisions": .array(conflict.collisions.map(tables.presenter.json)),
                ]
                print(CLIContext.encode(report))
            } else {
                FileHandle.standardError.write(
                    Data(
                        ("Overlapping appointments:\n" + tables.table(conflict.collisions, columns(tables)) + "\n").utf8
                    )
                )
            }
            let count = conflict.collisions.count
            throw CLIError(
                "the appointment overlaps \(count) other appointment\(count == 1 ? "" : "s") "
                    + "(\(conflict.collisions.map(\.id).joined(separator: ", "))); use --force to book it anyway",
                exitCode: 5
            )
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Book an appointment.",
            discussion: "Give --end or --duration (default: 1 hour). A bare time for --end means the start's day."
        )
        @OptionGroup var global: GlobalOptions
        @OptionGroup var fields: AppointmentFields
        @Flag(help: "Book even if it overlaps other appointments.") var force = false

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            guard let startText = fields.start else { throw CLIError("--start is required", exitCode: 2) }
            let start = try AppointmentTimes.instant(startText, option: "start", context: support.context)
            var values = try fields.values
            values["start"] = start.description
            values["end"] = try fields.end(after: start, keeping: nil, context: support.context).description
            let saved = try AppointmentCommand.save(ClientDatabase.newRecordID(), force: force, support) { builder in
                try support.apply(values, adding: fields.elements, entity: "appointment", to: &builder)
            }
            support.show(saved)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List appointments by start time.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "From this date or time (default: today).") var from: String?
        @Option(help: "Up to this date (inclusive) or time (exclusive).") var to: String?
        @Option(help: "Only appointments this user ID organises.") var organizer: String?
        @Flag(help: "Include past appointments (ignore the default --from).") var all = false

        func run() async throws {
            let context = try CLIContext.open(global)
            var lower: UTCDateTime?
            if let from {
                lower = try AppointmentTimes.bound(from, option: "from", isEnd: false, context: context)
            } else if !all {
                lower = DateInput.instant(context.today, hour: 0, minute: 0, in: context.timeZone)
            }
            let upper = try to.map { try AppointmentTimes.bound($0, option: "to", isEnd: true, context: context) }
            let appointments = try context.database.appointments(from: lower, to: upper, organizer: organizer)
            let tables = RecordTables(context: context)
            tables.show(appointments, AppointmentCommand.columns(tables), empty: "No appointments.")
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change an appointment.",
            discussion: "Moving --start alone keeps the duration; --duration alone keeps the start."
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Appointment ID.") var id: String
        @OptionGroup var fields: AppointmentFields
        @Option(help: "Remove an internal participant (repeatable).") var removeParticipant: [String] = []
        @Option(help: "Remove an external participant (repeatable).") var removeAttendee: [String] = []
        @Flag(help: "Save even if it then overlaps other appointments.") var force = false

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            let current = try support.require("appointment", id)
            var values = try fields.values
            guard let oldStart = current.value("start")?.dateTime, let oldEnd = current.value("end")?.dateTime else {
                throw CLIError("appointment \(id) has no start or end", exitCode: 1)
            }
            let start = try fields.start.map {
                try AppointmentTimes.instant($0, option: "start", context: support.context)
            }
            if fields.end != nil || fields.duration != nil || start != nil {
                let newStart = start ?? oldStart
                let kept = Int(oldEnd.seconds(since: oldStart) / 60)
                values["start"] = newStart.description
                values["end"] = try fields.end(after: newStart, keeping: kept, context: support.context).description
            }
            let removing = ["internalParticipants": removeParticipant, "externalParticipants": removeAttendee]
                .filter { !$0.value.isEmpty }
            let saved = try AppointmentCommand.save(id, force: force, support) { builder in
                try support.apply(
                    values, adding: fields.elements, removing: removing, entity: "appointment", to: &builder)
            }
            support.show(saved)
        }
    }

}

extension AppointmentCommand: RecordNoun {
    static let entity = "appointment"
    static let noun = "appointment"
}
