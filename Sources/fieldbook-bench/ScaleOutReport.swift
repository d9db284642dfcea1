import Foundation

/// Figures of the `push-scale-out` benchmark, as text or JSON.
struct ScaleOutReport {
    let options: ScaleOutOptions
    var results: [ScaleOutBenchmark.Result] = []

    init(options: ScaleOutOptions) { self.options = options }

    func rate(_ result: ScaleOutBenchmark.Result) -> Double { Double(result.phase.accepted) / max(result.phase.seconds, 1e-9) }
    func ms(_ result: ScaleOutBenchmark.Result, _ fraction: Double) -> Double { percentile(result.phase.latencies, fraction) * 1000 }

    var text: String {
        var lines = [
            "push scale-out: \(options.clients) clients (office users, own device, token and replica), batches of \(options.batch) new accounts, \(options.seconds) s each, HTTP on 127.0.0.1"
        ]
        for result in results {
            lines.append(
                "  " + result.name.padding(toLength: 26, withPad: " ", startingAt: 0)
                    + String(
                        format: "%8.0f changes/s  requests p50 %7.1f ms  p99 %7.1f ms  (%d requests, %d accepted, %.1f s)",
                        rate(result), ms(result, 0.5), ms(result, 0.99), result.phase.requests, result.phase.accepted,
                        result.phase.seconds
                    )
            )
        }
        if results.count == 3, rate(results[1]) > 0, rate(results[0]) > 0 {
            lines.append(
                String(
                    format: "  ratios       PostgreSQL 1 instance / SQLite %.2f, PostgreSQL 2 instances / 1 instance %.2f",
                    rate(results[1]) / rate(results[0]), rate(results[2]) / rate(results[1])
                )
            )
        }
        return lines.joined(separator: "\n")
    }

    var json: String {
        let object: [String: Any] = [
            "benchmark": "push-scale-out", "clients": options.clients, "batch": options.batch, "seconds": options.seconds,
            "results": results.map { result in
                ["name": result.name, "rate": rate(result), "p50Ms": ms(result, 0.5), "p99Ms": ms(result, 0.99),
                 "requests": result.phase.requests, "accepted": result.phase.accepted] as [String: Any]
            },
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
