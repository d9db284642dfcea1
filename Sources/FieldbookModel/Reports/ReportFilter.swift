/// The drill-down filter every report accepts. Each report applies the
/// period to its natural date (see ``ReportKind/summary``); nil members do
/// not filter.
public struct ReportFilter: Hashable, Sendable {
    /// First day of the period (inclusive).
    public var from: CalendarDate?
    /// Last day of the period (inclusive).
    public var to: CalendarDate?
    /// Phase ID of opportunities (funnel, forecast, win rate, revenue).
    public var phase: String?
    /// Rep (user ID): owner of opportunities, activities, campaigns; assignee of tickets.
    public var rep: String?
    /// Territory ID (region): the account's territory or one below it.
    public var territory: String?
    /// Product ID: opportunities with a line of it, tickets about it.
    public var product: String?
    /// Set of reps (user IDs) the report is restricted to (the server's team
    /// scope); nil: no restriction.
    public var reps: Set<String>?

    /// Creates a filter.
    public init(
        from: CalendarDate? = nil, to: CalendarDate? = nil, phase: String? = nil, rep: String? = nil,
        territory: String? = nil, product: String? = nil, reps: Set<String>? = nil
    ) {
        self.from = from
        self.to = to
        self.phase = phase
        self.rep = rep
        self.territory = territory
        self.product = product
        self.reps = reps
    }

    /// Whether `date` is in the period. Without a period every date (and a
    /// missing one) is in it; with a period a missing date is not.
    public func inPeriod(_ date: CalendarDate?) -> Bool {
        guard from != nil || to != nil else { return true }
        guard let date else { return false }
        if let from, date < from { return false }
        if let to, to < date { return false }
        return true
    }

    /// Whether `rep` (a user ID, nil when unassigned) passes the rep filters.
    public func matchesRep(_ candidate: String?) -> Bool {
        if let rep, candidate != rep { return false }
        if let reps, !(candidate.map(reps.contains) ?? false) { return false }
        return true
    }

    /// The filter as JSON (stable names; absent members are null).
    public var json: RecordJSONValue {
        func text(_ value: String?) -> RecordJSONValue { value.map(RecordJSONValue.string) ?? .null }
        return .object([
            "from": text(from?.description), "to": text(to?.description), "phase": text(phase),
            "rep": text(rep), "territory": text(territory), "product": text(product),
        ])
    }
}
