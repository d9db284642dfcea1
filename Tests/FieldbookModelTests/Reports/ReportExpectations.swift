import FieldbookModel

/// Figures the tests compute on their own from a ``ReportScenario``'s plain
/// values, in integer cents, to compare with what the reports produce.
extension ReportScenario {
    struct Figures: Equatable, CustomStringConvertible {
        var count = 0
        var cents = 0
        var weightedCents = 0
        var members = Set<String>()
        var description: String { "count \(count) cents \(cents) weighted \(weightedCents)" }
    }

    /// The filters of the tests, in plain terms.
    struct Criteria {
        var from: String?
        var to: String?
        var rep: String?
        var territory: String?
        var phase: String?
        var product: String?

        var filter: ReportFilter {
            ReportFilter(
                from: from.flatMap(CalendarDate.init(parsing:)), to: to.flatMap(CalendarDate.init(parsing:)), phase: phase,
                rep: rep, territory: territory, product: product
            )
        }

        func inPeriod(_ date: String?) -> Bool {
            guard from != nil || to != nil else { return true }
            guard let date else { return false }
            return (from.map { $0 <= date } ?? true) && (to.map { date <= $0 } ?? true)
        }

        func inTerritory(_ account: String) -> Bool {
            guard let territory else { return true }
            let own = ReportScenario.accounts[account]!
            return own == territory || (territory == "t-north" && own == "t-north-city")
        }

        func matches(_ opportunity: Opportunity, date: String?) -> Bool {
            (rep.map { $0 == opportunity.owner } ?? true) && (phase.map { $0 == opportunity.phase } ?? true)
                && inTerritory(opportunity.account) && inPeriod(date)
                && (product.map { opportunity.products.contains($0) } ?? true)
        }
    }

    static let criteria: [Criteria] = [
        Criteria(), Criteria(rep: "u-anna"), Criteria(territory: "t-north"), Criteria(territory: "t-north-city"),
        Criteria(from: "2026-03-01", to: "2026-06-30"), Criteria(from: "2026-10-01"), Criteria(phase: "proposal"),
        Criteria(product: "p-press"), Criteria(to: "2026-05-15", rep: "u-ben", territory: "t-south"),
    ]

    /// The funnel by phase key (`none` without a phase).
    func expectedFunnel(_ criteria: Criteria) -> [String: Figures] {
        var figures: [String: Figures] = [:]
        for opportunity in opportunities where opportunity.status == "open" && criteria.matches(opportunity, date: opportunity.expectedClose) {
            let key = opportunity.phase ?? "none"
            let amount = opportunity.cents ?? 0
            figures[key, default: Figures()].count += 1
            figures[key, default: Figures()].cents += amount
            figures[key, default: Figures()].weightedCents += Self.roundedDivision(amount * (opportunity.phase.flatMap { Self.probability[$0] } ?? 0), 100)
        }
        return figures
    }

    /// Revenue lines of a won opportunity, in cents.
    func revenueLines(_ opportunity: Opportunity) -> [(product: String?, cents: Int)] {
        if !opportunity.orderLines.isEmpty { return opportunity.orderLines.map { ($0.product, $0.cents) } }
        if !opportunity.offerLines.isEmpty {
            return opportunity.offerLines.map { ($0.product, Self.roundedDivision($0.quantity * $0.priceCents * (100 - $0.discount), 100)) }
        }
        return [(nil, opportunity.cents ?? 0)]
    }

    /// Won revenue by `grouping` key.
    func expectedRevenue(_ criteria: Criteria, by grouping: String) -> [String: Figures] {
        var figures: [String: Figures] = [:]
        for opportunity in opportunities where opportunity.status == "won" && criteria.matches(opportunity, date: opportunity.closeDate) {
            for line in revenueLines(opportunity) {
                if let product = criteria.product, line.product != product { continue }
                let key: String = switch grouping {
                case "month": String(opportunity.closeDate!.prefix(7))
                case "rep": opportunity.owner
                case "region": Self.accounts[opportunity.account]!
                default: line.product ?? "none"
                }
                figures[key, default: Figures()].cents += line.cents
                figures[key, default: Figures()].members.insert(opportunity.id)
            }
        }
        return figures
    }
}

extension ReportScenario.Opportunity {
    /// Products named in any order or offer line.
    var products: Set<String> { Set(orderLines.map(\.product) + offerLines.map(\.product)) }
}

/// Reading report cells in test units.
enum Cells {
    /// Cents of an amount cell ("123.45" → 12345).
    static func cents(_ cell: ReportCell?) -> Int? {
        guard case .amount(let number)? = cell else { return nil }
        return hundredths(number)
    }

    /// Hundredths of a decimal cell (percent, hours).
    static func hundredths(_ cell: ReportCell?) -> Int? {
        guard case .decimal(let number)? = cell else { return nil }
        return hundredths(number)
    }

    static func hundredths(_ number: DecimalNumber) -> Int? {
        guard let text = try? number.canonicalText(scale: 2) else { return nil }
        return Int(text.filter { $0 != "." })
    }

    static func count(_ cell: ReportCell?) -> Int? {
        guard case .count(let count)? = cell else { return nil }
        return count
    }
}
