/// Renders a ``MergeBenchmark/Result`` as text or as one JSON object.
struct MergeReport {
    /// Throughput the merge should reach eventually (changes per second).
    static let target = 200_000.0

    let options: MergeOptions
    let result: MergeBenchmark.Result

    /// Merge throughput at the median run.
    var mergeRate: Double { Double(result.changes) / result.mergeSeconds.median }
    /// Baseline throughput at the median run.
    var baselineRate: Double { Double(result.changes) / result.baselineSeconds.median }
    /// How many times slower the merge is than the baseline.
    var slowdown: Double { baselineRate / mergeRate }

    /// Percentage of changes that met a concurrent write.
    var concurrentShare: Double { 100 * Double(result.concurrentChanges) / Double(max(result.changes, 1)) }

    /// Human-readable lines.
    var text: String {
        """
        merge benchmark: \(result.changes) changes (\(result.operations) slot writes) on \(options.records) records \
        from \(options.replicas) replicas, median of \(options.repeats) runs
          merge    (Replica.receive)           \(Self.format(mergeRate)) changes/s  \
        (median \(Self.format(result.mergeSeconds.median * 1000)) ms)
          baseline ([String: [String: Value]])  \(Self.format(baselineRate)) changes/s  \
        (median \(Self.format(result.baselineSeconds.median * 1000)) ms)
          ratio: merge is \(Self.format(slowdown, decimals: 1))× slower than the baseline \
        (merge/baseline throughput \(Self.format(1 / slowdown, decimals: 4)))
          target: \(Self.format(Self.target)) changes/s — \(mergeRate >= Self.target ? "met" : "not met")
          conflicts: \(result.concurrentChanges) changes (\(Self.format(concurrentShare, decimals: 1)) %) met a \
        concurrent write; after merge \(result.records) records, \(result.openConflicts) open conflicts
        """
    }

    /// One JSON object (hand-written: only numbers and fixed keys).
    var json: String {
        let runs = { (seconds: [Double]) in "[" + seconds.map { "\($0)" }.joined(separator: ", ") + "]" }
        return """
            {"benchmark": "merge", "changes": \(result.changes), "operations": \(result.operations), \
            "records": \(options.records), "replicas": \(options.replicas), "repeats": \(options.repeats), \
            "seed": \(options.seed), \
            "merge": {"changes_per_second": \(mergeRate), "median_seconds": \(result.mergeSeconds.median), \
            "runs_seconds": \(runs(result.mergeSeconds))}, \
            "baseline": {"changes_per_second": \(baselineRate), "median_seconds": \(result.baselineSeconds.median), \
            "runs_seconds": \(runs(result.baselineSeconds))}, \
            "merge_to_baseline_throughput": \(1 / slowdown), "target_changes_per_second": \(Self.target), \
            "open_conflicts": \(result.openConflicts), \
            "concurrent_changes": \(result.concurrentChanges), "records_after_merge": \(result.records)}
            """
    }

    /// A number with thousands separators, rounded to `decimals` places.
    static func format(_ value: Double, decimals: Int = 0) -> String {
        guard value.isFinite else { return "\(value)" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        let whole = Int(rounded)
        var digits = String(abs(whole))
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        let sign = rounded < 0 ? "-" : ""
        guard decimals > 0 else { return sign + digits + grouped }
        let fraction = Int(((abs(rounded) - Double(abs(whole))) * scale).rounded())
        let fractionText = String(fraction)
        return sign + digits + grouped + "." + String(repeating: "0", count: decimals - fractionText.count) + fractionText
    }
}
