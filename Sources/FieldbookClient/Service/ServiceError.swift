/// Why a service workflow step (tickets, contracts, delegation, ABC
/// classification) was refused. Nothing is written when one is thrown.
/// Messages name records and states, never field values.
public enum ServiceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The ticket workflow does not allow the step from the ticket's status.
    case transitionNotAllowed(ticket: String, step: String, from: String, allowedFrom: [String])
    /// Resolving or closing needs a measure (rejection, advice, exchange or return).
    case measureRequired(ticket: String)
    /// The measure is not one of rejection, advice, exchange, return.
    case unknownMeasure(String)
    /// A follow-up or delegated task needs an assignee and none could be found.
    case assigneeRequired(record: String)
    /// Only open tasks can be delegated.
    case taskNotOpen(task: String, status: String)
    /// A care interval or a class threshold is out of range.
    case invalidSetting(String)

    public var description: String {
        switch self {
        case .transitionNotAllowed(let ticket, let step, let from, let allowed):
            "ticket \(ticket) is \(from); '\(step)' is only allowed from \(allowed.joined(separator: ", "))"
        case .measureRequired(let ticket):
            "ticket \(ticket) needs a measure to be resolved or closed: rejection, advice, exchange or return"
        case .unknownMeasure(let measure):
            "unknown measure '\(measure)': expected rejection, advice, exchange or return"
        case .assigneeRequired(let record):
            "no assignee for the task on \(record): pass a user ID"
        case .taskNotOpen(let task, let status):
            "task \(task) is \(status); only open tasks can be delegated"
        case .invalidSetting(let text):
            text
        }
    }
}
