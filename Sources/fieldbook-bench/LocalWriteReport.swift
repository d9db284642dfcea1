import Foundation

/// Figures of the `local-writes` benchmark, as text or JSON.
struct LocalWriteReport {
    let options: LocalWriteOptions
    /// Sorted single-write durations, seconds.
    let clientSingle: [Double]
    let rawSingle: [Double]
    let clientBatchSeconds: Double
    let rawBatchSeconds: Double

    static func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.down)))]
    }

    var clientMedianMs: Double { Self.percentile(clientSingle, 0.5) * 1000 }
    var clientP99Ms: Double { Self.percentile(clientSingle, 0.99) * 1000 }
    var rawMedianMs: Double { Self.percentile(rawSingle, 0.5) * 1000 }
    var rawP99Ms: Double { Self.percentile(rawSingle, 0.99) * 1000 }
    var clientBatchRate: Double { Double(options.batch) / clientBatchSeconds }
    var rawBatchRate: Double { Double(options.batch) / rawBatchSeconds }
    var batchRatio: Double { clientBatchRate / rawBatchRate }

    var text: String {
        func ms(_ value: Double) -> String { String(format: "%.3f ms", value) }
        func rate(_ value: Double) -> String { String(format: "%.0f writes/s", value) }
        return """
            local writes: \(options.writes) single-transaction writes, one batch of \(options.batch); WAL, synchronous=FULL
              single write  client core  median \(ms(clientMedianMs))  p99 \(ms(clientP99Ms))
                            raw SQLite   median \(ms(rawMedianMs))  p99 \(ms(rawP99Ms))
                            ratio        median \(String(format: "%.2f", clientMedianMs / rawMedianMs))× raw  (target: median < 0.5 ms — \(clientMedianMs < 0.5 ? "met" : "not met"))
              batched       client core  \(rate(clientBatchRate))
                            raw SQLite   \(rate(rawBatchRate))
                            ratio        \(String(format: "%.1f", batchRatio * 100)) % of raw  (target: ≥ 30 % — \(batchRatio >= 0.3 ? "met" : "not met"))
            """
    }

    var json: String {
        let object: [String: Any] = [
            "benchmark": "local-writes", "writes": options.writes, "batch": options.batch,
            "clientMedianMs": clientMedianMs, "clientP99Ms": clientP99Ms, "rawMedianMs": rawMedianMs, "rawP99Ms": rawP99Ms,
            "clientBatchRate": clientBatchRate, "rawBatchRate": rawBatchRate, "batchRatio": batchRatio,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
