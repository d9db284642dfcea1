import FieldbookSync

/// ABC classification of accounts by revenue share (Pareto).
///
/// **The rule.** Each account's revenue is the sum of the net totals of its
/// invoices that are not cancelled; an account without invoices counts the
/// amounts of its won opportunities instead (so new customers whose orders
/// are not invoiced yet are not C by default). Accounts are ranked by
/// revenue, highest first (ties by ID). Walking down the ranking with the
/// cumulative share *before* each account: under ``Settings/aShare`` (80 %)
/// the account is **A**, under ``Settings/bShare`` (95 %) **B**, else **C**.
/// So the account that crosses 80 % is still A — "the top accounts up to
/// 80 %". Accounts without revenue are C; with no revenue at all, every
/// account is C.
///
/// A manual override (`abcOverride`, set by a manager or the office) wins
/// over the computed class and survives every reclassification. Each class
/// implies a care interval (``Settings/careDays``) written to
/// `careIntervalDays`, which drives "visits due" in the worklist.
public enum ABCClassification {
    /// Thresholds and care intervals.
    public struct Settings: Hashable, Sendable {
        /// Cumulative revenue share (percent) up to which accounts are A.
        public var aShare: DecimalNumber
        /// Cumulative revenue share (percent) up to which accounts are B.
        public var bShare: DecimalNumber
        /// Care interval in days per class.
        public var careDays: [String: Int]

        /// Defaults: A up to 80 %, B up to 95 %; A every 30, B 60, C 120 days.
        public init(
            aShare: DecimalNumber = 80, bShare: DecimalNumber = 95, careDays: [String: Int] = ["A": 30, "B": 60, "C": 120]
        ) {
            self.aShare = aShare
            self.bShare = bShare
            self.careDays = careDays
        }
    }

    /// The class and care interval of one account.
    public struct Outcome: Hashable, Sendable {
        /// The account ID.
        public var account: String
        /// Its revenue under the rule.
        public var revenue: DecimalNumber
        /// The class the revenue share gives.
        public var computed: String
        /// The manual override, if any.
        public var override: String?
        /// The class written: the override, else the computed one.
        public var effective: String { override ?? computed }
        /// The care interval of the effective class.
        public var careIntervalDays: Int
    }

    /// Revenue per account from `records` (accounts, invoices, opportunities
    /// in any order; other records are ignored).
    public static func revenue(from records: [RecordState]) throws -> [String: DecimalNumber] {
        var invoiced: [String: DecimalNumber] = [:]
        var won: [String: DecimalNumber] = [:]
        for record in records where !record.isDeleted {
            guard let account = record.value("account")?.text else { continue }
            switch record.entity {
            case "invoice" where record.value("status") != "cancelled":
                let amount = try record.value("netTotal")?.text.map { try DecimalNumber(parsing: $0) } ?? .zero
                invoiced[account] = try (invoiced[account] ?? .zero).adding(amount)
            case "opportunity" where record.value("status") == "won":
                let amount = try record.value("amount")?.text.map { try DecimalNumber(parsing: $0) } ?? .zero
                won[account] = try (won[account] ?? .zero).adding(amount)
            default: continue
            }
        }
        return invoiced.merging(won) { invoices, _ in invoices }
    }

    /// Classifies `accounts` (ID → manual override) by `revenue`.
    public static func classify(
        accounts: [String: String?], revenue: [String: DecimalNumber], settings: Settings = Settings()
    ) throws -> [Outcome] {
        let ranked = accounts.keys.map { ($0, max(revenue[$0] ?? .zero, .zero)) }
            .sorted { $0.1 != $1.1 ? $1.1 < $0.1 : $0.0 < $1.0 }
        let total = try DecimalNumber.sum(ranked.map(\.1))
        var before = DecimalNumber.zero
        var outcomes: [Outcome] = []
        for (account, amount) in ranked {
            var computed = "C"
            if total > .zero, amount > .zero {
                // share before = before / total × 100, compared without division: before × 100 < total × threshold.
                let scaled = try before.multiplied(by: 100)
                if scaled < (try total.multiplied(by: settings.aShare)) {
                    computed = "A"
                } else if scaled < (try total.multiplied(by: settings.bShare)) {
                    computed = "B"
                }
            }
            before = try before.adding(amount)
            let override = accounts[account] ?? nil
            let effective = override ?? computed
            outcomes.append(
                Outcome(
                    account: account, revenue: amount, computed: computed, override: override,
                    careIntervalDays: settings.careDays[effective] ?? 120
                )
            )
        }
        return outcomes
    }
}
