import FieldbookModel
import FieldbookSync

/// A step of the service ticket workflow (``FieldbookModel/Workflow/ticketStatus``):
/// new → in_progress ⇄ waiting → resolved → closed, and reopening a
/// resolved or closed ticket (back to in_progress).
public enum TicketStep: String, CaseIterable, Sendable {
    /// Start working on it: status `in_progress`.
    case start
    /// Waiting for the customer or a supplier: status `waiting`.
    case wait
    /// Resolved with a measure: status `resolved`.
    case resolve
    /// Closed (the handling time ends): status `closed`.
    case close
    /// Reopened after resolving or closing: status `in_progress`, closing time cleared.
    case reopen

    /// The status the step leads to.
    public var targetStatus: String {
        switch self {
        case .start, .reopen: "in_progress"
        case .wait: "waiting"
        case .resolve: "resolved"
        case .close: "closed"
        }
    }

    /// The statuses the step may start from.
    public var allowedFrom: [String] {
        switch self {
        case .reopen: ["resolved", "closed"]
        default:
            Workflow.ticketStatus.transitions.filter { $0.value.contains(targetStatus) }.map(\.key).sorted()
        }
    }

    /// Whether the step needs a measure (given or already on the ticket).
    public var needsMeasure: Bool { self == .resolve || self == .close }
}

/// How long a ticket was (or has been) open: `closedAt − openedAt`.
public struct TicketHandlingTime: Hashable, Sendable {
    /// When the ticket was opened.
    public var openedAt: UTCDateTime
    /// When it was closed; nil while open (then ``seconds`` runs to `now`).
    public var closedAt: UTCDateTime?
    /// The handling time in seconds.
    public var seconds: Int64

    /// The handling time of `ticket` as of `now`; nil without an opening time.
    public init?(of ticket: RecordState, now: UTCDateTime) {
        guard let opened = ticket.value("openedAt")?.text.flatMap(UTCDateTime.init(parsing:)) else { return nil }
        let closed = ticket.value("closedAt")?.text.flatMap(UTCDateTime.init(parsing:))
        openedAt = opened
        closedAt = closed
        seconds = max(0, (closed ?? now).secondsSinceEpoch - opened.secondsSinceEpoch)
    }

    /// E.g. `2d 3h 15m`, `45m`; `0m` under a minute.
    public var text: String {
        let minutes = seconds / 60
        let (days, hours, rest) = (minutes / 1440, (minutes % 1440) / 60, minutes % 60)
        var parts: [String] = []
        if days > 0 { parts.append("\(days)d") }
        if hours > 0 { parts.append("\(hours)h") }
        if rest > 0 || parts.isEmpty { parts.append("\(rest)m") }
        return parts.joined(separator: " ")
    }
}
