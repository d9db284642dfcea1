import FieldbookSync

/// The verdict on one finished schedule.
struct PropertyOutcome: Sendable {
    /// Violated properties, most specific first.
    var failures: [String] = []
    /// Violations of already-reported core issues, by issue title (one example each).
    var knownIssues: [String: String] = [:]

    /// Whether every property held (known issues aside).
    var passed: Bool { failures.isEmpty }

    /// Runs schedule `seed` (with `steps` overriding its step count) and checks it.
    static func of(seed: UInt64, steps: Int? = nil, trace: Bool = false) -> (PropertySchedule, PropertyOutcome) {
        var schedule = PropertySchedule(seed: seed, steps: steps, trace: trace)
        schedule.run()
        var outcome = PropertyOutcome()
        outcome.failures = schedule.errors
        if outcome.failures.isEmpty { outcome.failures = schedule.convergenceFailures() }
        if outcome.failures.isEmpty { outcome.failures = schedule.oracleFailures() }
        if outcome.failures.isEmpty { outcome.failures = schedule.idempotenceFailures() }
        if outcome.failures.isEmpty { outcome.failures = schedule.joinFailures() }
        let stateTransfer = schedule.stateTransferFailures()
        if outcome.failures.isEmpty { outcome.failures = stateTransfer.failures }
        outcome.knownIssues = stateTransfer.knownIssues
        return (schedule, outcome)
    }

    /// The failure report for schedule `seed`: the shape of the smallest
    /// failing prefix of it (fewest steps), its first violations, and the
    /// command that replays it with a trace.
    static func report(seed: UInt64, steps override: Int?) -> String {
        let (full, fullOutcome) = of(seed: seed, steps: override)
        var steps = full.steps
        var outcome = fullOutcome
        if override == nil {
            for shorter in 0..<full.steps {
                let (_, candidate) = of(seed: seed, steps: shorter)
                if !candidate.passed {
                    steps = shorter
                    outcome = candidate
                    break
                }
            }
        }
        let shape = "\(full.replicas.count) replicas \(full.replicas.map(\.id)), skews \(full.skews) ms"
        return """
            Merge property failed for schedule seed \(seed) (\(shape); \(full.steps) steps, \
            smallest failing prefix: \(steps) steps):
              \(outcome.failures.prefix(4).joined(separator: "\n  "))
            Reproduce: \(PropertySettings.reproduceCommand(seed: seed, steps: steps))
            """
    }
}
