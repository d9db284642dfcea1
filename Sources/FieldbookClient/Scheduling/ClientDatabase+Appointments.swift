import FieldbookModel
import FieldbookSync
import GRDB

extension ClientDatabase {
    /// The rep's other live, not cancelled appointments overlapping
    /// `appointment`'s half-open interval [start, end): appointments that
    /// merely touch (one ends at 11:00, the next starts at 11:00) do not
    /// collide. "The rep's" means the same organizer when the appointment has
    /// one, else every appointment held locally.
    ///
    /// ```swift
    /// let clashes = try database.collisions(for: draft)
    /// ```
    /// Returns nothing for a deleted or cancelled appointment, or one without times.
    public func collisions(for appointment: RecordState) throws -> [RecordState] {
        try read { db in try self.collisions(for: appointment, in: db) }
    }

    /// ``collisions(for:)`` inside a transaction or observation.
    public func collisions(for appointment: RecordState, in db: Database) throws -> [RecordState] {
        guard !appointment.isDeleted, appointment.value("status") != .text("cancelled"),
            let start = appointment.value("start")?.dateTime, let end = appointment.value("end")?.dateTime
        else { return [] }
        return try collisions(
            start: start, end: end, organizer: appointment.value("organizer")?.text, excluding: appointment.id, in: db
        )
    }

    /// Live, not cancelled appointments overlapping [start, end), of
    /// `organizer` (nil: of anyone), except `excluding`; by start time.
    public func collisions(
        start: UTCDateTime, end: UTCDateTime, organizer: String?, excluding: String? = nil, in db: Database
    ) throws -> [RecordState] {
        var terms = ["\"start\" < ?", "\"end\" > ?", "(status IS NULL OR status <> 'cancelled')", "id <> ?"]
        var arguments: [String] = [end.description, start.description, excluding ?? ""]
        if let organizer {
            terms.append("organizer = ?")
            arguments.append(organizer)
        }
        return try ProjectionQuery.records(
            "appointment", where: terms.joined(separator: " AND "), arguments: StatementArguments(arguments),
            orderBy: "\"start\"", in: db
        )
    }

    /// Creates or edits appointment `id`, refusing (and saving nothing) when
    /// the result overlaps another of the rep's appointments — unless
    /// `allowingCollisions`. Collisions are checked when the appointment is
    /// new or its start, end, organizer or status changes. A new appointment
    /// gets its stable iCalendar UID.
    ///
    /// ```swift
    /// try database.saveAppointment(ClientDatabase.newRecordID()) { change in
    ///     change.set("subject", to: "Visit Müller")
    ///     change.set("start", to: start.value)
    ///     change.set("end", to: end.value)
    /// }
    /// ```
    /// - Throws: ``SchedulingConflict`` listing the overlapping appointments;
    ///   ``ClientError`` when validation fails.
    @discardableResult
    public func saveAppointment(
        _ id: String, allowingCollisions: Bool = false, _ body: (inout ChangeBuilder) throws -> Void
    ) throws -> RecordState {
        try write { transaction in
            let existing = try transaction.record(id)
            let isNew = existing == nil
            var timesChanged = isNew
            let saved = try transaction.edit("appointment", id) { builder in
                try body(&builder)
                let touched = Set(builder.operations.map(\.slot))
                timesChanged =
                    timesChanged || touched.contains(.deleted)
                    || ["start", "end", "organizer", "status"].contains { touched.contains(.field($0)) }
                if isNew, !touched.contains(.field("icalUID")) {
                    builder.set("icalUID", to: .text(Self.icalUID(forAppointment: id)))
                }
            }
            guard timesChanged, !allowingCollisions else { return saved }
            let overlapping = try collisions(for: saved, in: transaction.db)
            guard overlapping.isEmpty else { throw SchedulingConflict(appointment: id, collisions: overlapping) }
            return saved
        }
    }

    /// Live appointments overlapping [from, to) (either bound optional), of
    /// `organizer` when given, by start time; cancelled ones included.
    public func appointments(from: UTCDateTime? = nil, to: UTCDateTime? = nil, organizer: String? = nil) throws
        -> [RecordState]
    {
        try read { db in
            var terms: [String] = []
            var arguments: [String] = []
            if let from {
                terms.append("\"end\" > ?")
                arguments.append(from.description)
            }
            if let to {
                terms.append("\"start\" < ?")
                arguments.append(to.description)
            }
            if let organizer {
                terms.append("organizer = ?")
                arguments.append(organizer)
            }
            return try ProjectionQuery.records(
                "appointment", where: terms.isEmpty ? "1" : terms.joined(separator: " AND "),
                arguments: StatementArguments(arguments), orderBy: "\"start\"", in: db
            )
        }
    }

    /// The iCalendar UID given to a new appointment: stable for its lifetime,
    /// so Outlook and phone calendars update rather than duplicate it.
    public static func icalUID(forAppointment id: String) -> String { id + "@fieldbook" }
}
