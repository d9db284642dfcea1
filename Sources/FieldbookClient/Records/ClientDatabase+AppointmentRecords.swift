import FieldbookModel
import FieldbookSync

extension ClientDatabase {
    /// Saves a typed appointment like ``save(_:)``, refusing (and saving
    /// nothing) when it would overlap another of the rep's appointments —
    /// unless `allowingCollisions` — as ``saveAppointment(_:allowingCollisions:_:)``
    /// does. A new appointment gets its iCalendar UID.
    ///
    /// ```swift
    /// do {
    ///     visit = try database.saveAppointment(visit)
    /// } catch let conflict as SchedulingConflict {
    ///     askWhetherToDoubleBook(conflict.collisions)
    /// }
    /// ```
    /// - Throws: ``SchedulingConflict``; ``ClientError`` as ``save(_:)``.
    @discardableResult
    public func saveAppointment(_ appointment: Appointment, allowingCollisions: Bool = false) throws -> Appointment {
        let schema = try schema(Appointment.entity)
        let saved = try saveAppointment(appointment.id, allowingCollisions: allowingCollisions) { builder in
            // A new appointment's UID is set by `saveAppointment` itself.
            try appointment.writeSave(into: &builder, schema: schema)
        }
        return try Appointment.decode(saved)
    }

    /// The rep's other live, not cancelled appointments overlapping
    /// `appointment` (the check ``saveAppointment(_:allowingCollisions:)``
    /// makes), to show before saving.
    public func collisions(with appointment: Appointment) throws -> [Appointment] {
        guard !appointment.isDeleted, appointment.status != .cancelled else { return [] }
        return try read { db in
            try self.collisions(
                start: appointment.start, end: appointment.end, organizer: appointment.organizer,
                excluding: appointment.id, in: db
            ).map(Appointment.decode)
        }
    }
}
