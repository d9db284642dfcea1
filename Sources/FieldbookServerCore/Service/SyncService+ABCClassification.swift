import FieldbookModel
import FieldbookSync

extension SyncService {
    /// One account's result of ``classifyAccounts(settings:dryRun:)``.
    public struct AccountClassification: Hashable, Sendable {
        /// Class, revenue, override and care interval.
        public var outcome: ABCClassification.Outcome
        /// The class stored before.
        public var previousClass: String?
        /// Whether `abcClass` or `careIntervalDays` was (or, in a dry run, would be) written.
        public var changed: Bool
    }

    /// Classifies every live account by revenue share (``ABCClassification``)
    /// and writes `abcClass` and `careIntervalDays` as server-authored changes
    /// (they sync to every replica in scope; reps cannot write these fields).
    /// Accounts already classified as computed are left alone, so running it
    /// again writes nothing. A manual `abcOverride` wins and is never touched.
    ///
    /// ```swift
    /// let results = try await service.classifyAccounts(dryRun: true)
    /// ```
    /// - Parameter dryRun: compute and report only.
    public func classifyAccounts(
        settings: ABCClassification.Settings = .init(), dryRun: Bool = false
    ) async throws -> [AccountClassification] {
        var records: [RecordState] = []
        var after: String?
        while true {
            let page = try await store.records(after: after, limit: 1000)
            guard let last = page.last else { break }
            records += page.map(\.state).filter { ["account", "invoice", "opportunity"].contains($0.entity) && !$0.isDeleted }
            after = last.state.id
        }
        let accounts = Dictionary(uniqueKeysWithValues: records.filter { $0.entity == "account" }.map { ($0.id, $0) })
        let overrides = accounts.mapValues { $0.value("abcOverride")?.text }
        let outcomes = try ABCClassification.classify(
            accounts: overrides, revenue: try ABCClassification.revenue(from: records), settings: settings
        )
        var results: [AccountClassification] = []
        for outcome in outcomes {
            let account = accounts[outcome.account]
            let interval = Value.int(Int64(outcome.careIntervalDays))
            let changed = account?.value("abcClass") != .text(outcome.effective)
                || account?.value("careIntervalDays") != interval
            if changed, !dryRun {
                _ = try await author("account", outcome.account, caller: .system) { builder in
                    guard builder.state.exists, !builder.state.isDeleted else { return }
                    builder.set("abcClass", to: .text(outcome.effective))
                    builder.set("careIntervalDays", to: interval)
                }
            }
            results.append(
                AccountClassification(
                    outcome: outcome, previousClass: account?.value("abcClass")?.text, changed: changed
                )
            )
        }
        return results
    }
}
