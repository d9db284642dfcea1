import FieldbookModel

/// Something a rep observed of a competitor (an item of the competitor's
/// `observations` list).
public struct CompetitorObservation: Sendable {
    /// When it was observed.
    public var date: CalendarDate
    /// What was observed (required).
    public var note: String
    /// The account where it was observed.
    public var account: String?
    /// The opportunity it concerns.
    public var opportunity: String?
    /// Who observed it (user ID).
    public var observedBy: String?

    /// Creates an observation.
    public init(date: CalendarDate, note: String, account: String? = nil, opportunity: String? = nil, observedBy: String? = nil) {
        (self.date, self.note, self.account, self.opportunity, self.observedBy) = (date, note, account, opportunity, observedBy)
    }
}
