import Foundation

/// Figures of the `a-to-b` benchmark, as text or JSON.
struct AToBReport {
    let options: AToBOptions
    var pipelineSeedSeconds = 0.0
    var directSeedSeconds = 0.0
    var initialA = 0
    var initialB = 0
    var initialSeconds = 0.0
    /// Sorted, seconds.
    var latencies: [Double] = []
    var pushes: [Double] = []
    var pulls: [Double] = []
    var extraPulls = 0
    var healthz: [Double] = []
    var rawWriteRead: [Double] = []

    init(options: AToBOptions) { self.options = options }

    func ms(_ sorted: [Double], _ fraction: Double) -> Double { percentile(sorted, fraction) * 1000 }
    var p50: Double { ms(latencies, 0.5) }
    var p99: Double { ms(latencies, 0.99) }

    var text: String {
        func line(_ name: String, _ values: [Double], _ note: String) -> String {
            name + String(format: "p50 %7.3f ms  p99 %7.3f ms", ms(values, 0.5), ms(values, 0.99)) + "  " + note
        }
        return [
            "a-to-b: \(options.records) records in the store; A and B are reps of a territory with \(options.scopeGroups * SeedRecords.groupSize) of them; \(options.rounds) rounds (+\(options.warmup) warm-up)",
            String(format: "  seeding      1000 through the push pipeline in %.1f s, the rest written directly in %.1f s", pipelineSeedSeconds, directSeedSeconds),
            String(format: "  initial      A received %d, B %d records in %.2f s together", initialA, initialB, initialSeconds),
            line("  A → B        ", latencies, "(A: edit + sync; B: sync until it has the value)"),
            line("    A push     ", pushes, ""),
            line("    B pull     ", pulls, "(\(extraPulls) extra pulls in all rounds)"),
            line("  /healthz     ", healthz, "(bare HTTP round trip, URLSession, same server)"),
            line("  raw SQLite   ", rawWriteRead, "(durable INSERT of the blob + SELECT, synchronous=FULL)"),
            String(format: "  ratio        p50 %.1f× a bare HTTP round trip, %.1f× a raw write+read", p50 / ms(healthz, 0.5), p50 / ms(rawWriteRead, 0.5)),
            "  targets      p50 < 5 ms — \(p50 < 5 ? "met" : "not met"); p99 < 25 ms — \(p99 < 25 ? "met" : "not met")",
        ].joined(separator: "\n")
    }

    var json: String {
        let object: [String: Any] = [
            "benchmark": "a-to-b", "records": options.records, "rounds": options.rounds,
            "p50Ms": p50, "p99Ms": p99, "pushP50Ms": ms(pushes, 0.5), "pullP50Ms": ms(pulls, 0.5),
            "healthzP50Ms": ms(healthz, 0.5), "healthzP99Ms": ms(healthz, 0.99),
            "rawWriteReadP50Ms": ms(rawWriteRead, 0.5), "rawWriteReadP99Ms": ms(rawWriteRead, 0.99),
            "seedSeconds": pipelineSeedSeconds + directSeedSeconds, "met": p50 < 5 && p99 < 25,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
