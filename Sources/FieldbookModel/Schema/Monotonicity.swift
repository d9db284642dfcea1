/// A rule that restricts how a field's value may change over time, checked
/// by the server on every change (see ``SchemaValidator/validate(change:current:)``).
public enum Monotonicity: Hashable, Sendable {
    /// Once set to a non-null value, the field never changes (final offer
    /// numbers, iCalendar UIDs, the records a lead was converted into).
    case writeOnce
    /// Changes must follow the workflow's transitions (status fields).
    case workflow(Workflow)
}
