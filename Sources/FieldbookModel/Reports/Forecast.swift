/// The weighted sales forecast: for every open opportunity, amount ×
/// phase probability, summed by expected close month and by owner (rep).
///
/// Each opportunity's weighted amount is rounded to cents (half up) before
/// summing, so the figures add up exactly across groupings.
///
/// ```swift
/// let forecast = try database.forecast()
/// for month in forecast.byMonth { print(month.key, month.weighted) }
/// ```
public struct Forecast: Hashable, Sendable {
    /// One open opportunity's contribution.
    public struct Entry: Hashable, Sendable {
        /// The opportunity's ID.
        public var opportunity: String
        /// Owner (user ID).
        public var owner: String
        /// Expected close month `YYYY-MM`; nil when no close date is set.
        public var month: String?
        /// Amount (zero when not set).
        public var amount: DecimalNumber
        /// Probability in percent applied.
        public var probability: DecimalNumber
        /// amount × probability / 100, rounded to cents.
        public var weighted: DecimalNumber

        /// Computes an entry's weighted amount.
        public init(
            opportunity: String, owner: String, month: String?, amount: DecimalNumber, probability: DecimalNumber
        ) throws(DecimalError) {
            self.opportunity = opportunity
            self.owner = owner
            self.month = month
            self.amount = amount
            self.probability = probability
            self.weighted = try amount.percentage(probability, roundedTo: 2)
        }
    }

    /// A sum over a group of entries.
    public struct Group: Hashable, Sendable {
        /// The month (`YYYY-MM`, `none` without a close date) or the owner.
        public var key: String
        /// How many opportunities.
        public var count: Int
        /// Sum of amounts.
        public var amount: DecimalNumber
        /// Sum of weighted amounts.
        public var weighted: DecimalNumber
    }

    /// Month key of opportunities without an expected close date.
    public static let noMonth = "none"

    /// The contributions, by month (none last), owner, then opportunity ID.
    public let entries: [Entry]
    /// Sums by expected close month, in month order (`none` last).
    public let byMonth: [Group]
    /// Sums by owner, by owner ID.
    public let byRep: [Group]
    /// Sums by month and owner, keyed `month/owner`, in month then owner order.
    public let byMonthAndRep: [Group]
    /// The sum of everything.
    public let total: Group

    /// Sums `entries`.
    public init(entries: [Entry]) throws(DecimalError) {
        let monthKey: (Entry) -> String = { $0.month ?? Forecast.noMonth }
        let sorted = entries.sorted { lhs, rhs in
            (Self.monthOrder(monthKey(lhs)), lhs.owner, lhs.opportunity)
                < (Self.monthOrder(monthKey(rhs)), rhs.owner, rhs.opportunity)
        }
        self.entries = sorted
        byMonth = try Self.groups(sorted, by: monthKey)
        byRep = try Self.groups(sorted, by: \.owner).sorted { $0.key < $1.key }
        byMonthAndRep = try Self.groups(sorted) { monthKey($0) + "/" + $0.owner }
        total = try Self.sum(sorted, key: "total")
    }

    /// Groups in order of first appearance.
    private static func groups(_ entries: [Entry], by key: (Entry) -> String) throws(DecimalError) -> [Group] {
        var order: [String] = []
        var members: [String: [Entry]] = [:]
        for entry in entries {
            let name = key(entry)
            if members[name] == nil { order.append(name) }
            members[name, default: []].append(entry)
        }
        var result: [Group] = []
        for name in order { result.append(try sum(members[name] ?? [], key: name)) }
        return result
    }

    private static func sum(_ entries: [Entry], key: String) throws(DecimalError) -> Group {
        Group(
            key: key, count: entries.count,
            amount: try DecimalNumber.sum(entries.map(\.amount)).rescaled(to: 2),
            weighted: try DecimalNumber.sum(entries.map(\.weighted)).rescaled(to: 2)
        )
    }

    /// Months sort as text; `none` sorts after every month.
    private static func monthOrder(_ key: String) -> String { key == noMonth ? "~" : key }
}
