import FieldbookSync

/// An appointment would overlap other appointments of the same rep; nothing
/// was saved. Retry with `allowingCollisions: true` to book it anyway.
///
/// The description names record IDs only, never subjects or places.
public struct SchedulingConflict: Error, Sendable, CustomStringConvertible {
    /// The appointment that was being saved.
    public let appointment: String
    /// The overlapping appointments, by start time.
    public let collisions: [RecordState]

    /// Creates the error.
    public init(appointment: String, collisions: [RecordState]) {
        self.appointment = appointment
        self.collisions = collisions
    }

    public var description: String {
        let count = collisions.count
        return "appointment \(appointment) overlaps \(count) other appointment\(count == 1 ? "" : "s"): "
            + collisions.map(\.id).joined(separator: ", ")
    }
}
