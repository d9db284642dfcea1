/// The reports the client (`fieldbook report …`) and the server
/// (`GET /v1/reports/{report}`) compute from the same records with
/// ``ReportEngine``. The raw value is the name used on the command line,
/// in the URL and in the JSON `report` member.
public enum ReportKind: String, CaseIterable, Hashable, Sendable {
    /// Open opportunities by phase: count, amount, weighted amount.
    case funnel
    /// Weighted amount of open opportunities by expected close month (optionally by rep).
    case forecast
    /// Won / (won + lost) of closed opportunities, and loss reasons.
    case winRate = "win-rate"
    /// Revenue of won opportunities by month, rep, region or product.
    case revenue
    /// Activities per rep and kind.
    case activities
    /// Per campaign: recipients, responses, leads, won revenue.
    case campaigns
    /// Tickets by category and status, handling time of closed tickets.
    case tickets

    /// One line describing the report (CLI help, API docs).
    public var summary: String {
        switch self {
        case .funnel: "open opportunities by phase: count, amount, weighted amount (amount × phase probability)"
        case .forecast: "weighted amount of open opportunities by expected close month (--by rep: by month and rep)"
        case .winRate: "won / (won + lost) of opportunities closed in the period, cancelled listed, loss reasons"
        case .revenue: "revenue of won opportunities by close month, rep, region (territory) or product (order/offer lines)"
        case .activities: "activities per rep (owner, else assignee) and kind, with minutes logged"
        case .campaigns: "per campaign: recipients, responses, leads created, won opportunities and their revenue"
        case .tickets: "tickets by category and status; mean and median handling time (closedAt − openedAt) of closed tickets"
        }
    }
}

/// How the revenue report groups (`--by`, `by=`).
public enum RevenueGrouping: String, CaseIterable, Hashable, Sendable {
    /// By close month `YYYY-MM`.
    case month
    /// By owner of the opportunity.
    case rep
    /// By territory of the opportunity's account.
    case region
    /// By product of the order (else accepted offer) lines.
    case product
}

extension RevenueGrouping {
    /// Column heading of the grouping key.
    public var title: String {
        switch self {
        case .month: "Month"
        case .rep: "Rep"
        case .region: "Region"
        case .product: "Product"
        }
    }
}
