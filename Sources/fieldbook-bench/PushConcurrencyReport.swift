import Foundation

/// Figures of the `push-concurrency` benchmark, as text or JSON.
struct PushConcurrencyReport {
    let options: PushConcurrencyOptions
    var http = PushConcurrencyBenchmark.Phase()
    var direct = PushConcurrencyBenchmark.Phase()
    var rawRate = 0.0

    init(options: PushConcurrencyOptions) { self.options = options }

    func rate(_ phase: PushConcurrencyBenchmark.Phase) -> Double { Double(phase.accepted) / max(phase.seconds, 1e-9) }
    func ms(_ phase: PushConcurrencyBenchmark.Phase, _ fraction: Double) -> Double { percentile(phase.latencies, fraction) * 1000 }
    var met: Bool { rate(http) >= 20_000 }

    var text: String {
        func line(_ name: String, _ phase: PushConcurrencyBenchmark.Phase, _ note: String) -> String {
            name + String(
                format: "%8.0f changes/s  requests p50 %7.1f ms  p99 %7.1f ms  (%d requests, %d accepted, %.1f s) ",
                rate(phase), ms(phase, 0.5), ms(phase, 0.99), phase.requests, phase.accepted, phase.seconds
            ) + note
        }
        return [
            "push concurrency: \(options.clients) clients (office users, own device, token and replica), batches of \(options.batch) new accounts",
            line("  over HTTP    ", http, "(URLSession per client, 127.0.0.1)"),
            line("  in process   ", direct, "(SyncService.push, no HTTP)"),
            String(format: "  raw SQLite   %8.0f changes/s  (the same change blobs, one prepared INSERT, one transaction, synchronous=FULL)", rawRate),
            String(format: "  ratio        %.2f %% of raw over HTTP, %.2f %% in process", rate(http) / rawRate * 100, rate(direct) / rawRate * 100),
            "  target       ≥ 20,000 changes/s — \(met ? "met" : "not met")",
        ].joined(separator: "\n")
    }

    var json: String {
        let object: [String: Any] = [
            "benchmark": "push-concurrency", "clients": options.clients, "batch": options.batch,
            "httpRate": rate(http), "httpP50Ms": ms(http, 0.5), "httpP99Ms": ms(http, 0.99), "httpRequests": http.requests,
            "directRate": rate(direct), "directP99Ms": ms(direct, 0.99), "rawRate": rawRate, "met": met,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
