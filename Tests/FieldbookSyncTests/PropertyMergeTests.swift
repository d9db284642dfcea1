import FieldbookSync
import Testing

/// Property tests of the merge over random schedules; see ``PropertySchedule``,
/// ``PropertyOutcome`` and, for the environment variables, ``PropertySettings``.
@Suite("Property: merge")
struct PropertyMergeTests {
    /// Failing schedules reported per test case before it stops.
    static let reportedFailures = 3

    @Test(
        "Random schedules converge, lose no write, are idempotent and join-commutative",
        arguments: 0..<PropertySettings.chunks
    )
    func randomSchedules(chunk: Int) {
        let settings = PropertySettings.current
        let seeds: [UInt64]
        if let seed = settings.seed {
            seeds = chunk == 0 ? [seed] : []
        } else {
            seeds = stride(from: chunk, to: settings.schedules, by: PropertySettings.chunks)
                .map(PropertySettings.seed(forSchedule:))
        }
        var failures = 0
        var knownIssues: [String: String] = [:]
        for seed in seeds {
            let (_, outcome) = PropertyOutcome.of(seed: seed, steps: settings.steps, trace: settings.trace)
            knownIssues.merge(outcome.knownIssues) { first, _ in first }
            if settings.trace { print("[\(seed)] \(outcome.passed ? "passed" : outcome.failures.joined(separator: "\n"))") }
            guard !outcome.passed else { continue }
            let report = PropertyOutcome.report(seed: seed, steps: settings.steps)
            print(report)
            Issue.record(Comment(rawValue: report))
            failures += 1
            if failures == Self.reportedFailures { break }
        }
        for title in knownIssues.keys.sorted() {
            withKnownIssue(Comment(rawValue: title)) { Issue.record(Comment(rawValue: knownIssues[title]!)) }
        }
    }
}
