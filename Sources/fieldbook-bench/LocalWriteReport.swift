import Foundation

/// Figures of the `local-writes` benchmark, as text or JSON.
struct LocalWriteReport {
    let options: LocalWriteOptions
    /// Sorted single-write durations, seconds.
    let clientSingle: [Double]
    /// Sorted single-write durations with durability `.crashSafe` (synchronous=NORMAL), seconds.
    let crashSafeSingle: [Double]
    let rawSingle: [Double]
    let clientBatchSeconds: Double
    let rawBatchSeconds: Double
    /// The batch of edits of existing records (client) and one-column updates (raw).
    let clientEditSeconds: Double
    let rawEditSeconds: Double
    /// The batch replayed as the client core's SQL with raw statements (see `ClientSQLFloor`).
    let floorBatchSeconds: Double
    /// `PRAGMA synchronous` of the client's writer connection (0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA).
    let clientSynchronous: Int

    /// The name of a `PRAGMA synchronous` level.
    static func synchronousName(_ level: Int) -> String {
        switch level {
        case 0: "OFF"
        case 1: "NORMAL"
        case 2: "FULL"
        case 3: "EXTRA"
        default: "unknown (\(level))"
        }
    }

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
    var floorBatchRate: Double { Double(options.batch) / floorBatchSeconds }
    var clientEditRate: Double { Double(options.batch) / clientEditSeconds }
    var rawEditRate: Double { Double(options.batch) / rawEditSeconds }

    var text: String {
        func ms(_ value: Double) -> String { String(format: "%.3f ms", value) }
        func rate(_ value: Double) -> String { String(format: "%.0f writes/s", value) }
        return """
            local writes: \(options.writes) single-transaction writes, one batch of \(options.batch); WAL
              synchronous   client core  \(Self.synchronousName(clientSynchronous))\(clientSynchronous < 2 ? "  (commits not fsynced: not comparable to raw for durability)" : "")
                            raw SQLite   FULL
              single write  client core  median \(ms(clientMedianMs))  p99 \(ms(clientP99Ms))
                            crash-safe   median \(ms(Self.percentile(crashSafeSingle, 0.5) * 1000))  p99 \(ms(Self.percentile(crashSafeSingle, 0.99) * 1000))  (durability .crashSafe: synchronous=NORMAL)
                            raw SQLite   median \(ms(rawMedianMs))  p99 \(ms(rawP99Ms))
                            ratio        median \(String(format: "%.2f", clientMedianMs / rawMedianMs))× raw  (target: median < 0.5 ms — \(clientMedianMs < 0.5 ? "met" : "not met"))
              batched       client core  \(rate(clientBatchRate))
                            raw SQLite   \(rate(rawBatchRate))
                            ratio        \(String(format: "%.1f", batchRatio * 100)) % of raw  (target: ≥ 30 % — \(batchRatio >= 0.3 ? "met" : "not met"))
                            SQL floor    \(rate(floorBatchRate))  (the client's SQL and schema, raw statements: \(String(format: "%.1f", floorBatchRate / rawBatchRate * 100)) % of raw; client core at \(String(format: "%.0f", clientBatchRate / floorBatchRate * 100)) % of it)
              batched edit  client core  \(rate(clientEditRate))  (one field of each record above: read, decode, merge, rewrite)
                            raw SQLite   \(rate(rawEditRate))  (UPDATE of one column)
                            ratio        \(String(format: "%.1f", clientEditRate / rawEditRate * 100)) % of raw
            """
    }

    var json: String {
        let object: [String: Any] = [
            "benchmark": "local-writes", "writes": options.writes, "batch": options.batch,
            "clientMedianMs": clientMedianMs, "clientP99Ms": clientP99Ms, "rawMedianMs": rawMedianMs, "rawP99Ms": rawP99Ms,
            "clientBatchRate": clientBatchRate, "rawBatchRate": rawBatchRate, "batchRatio": batchRatio,
            "clientEditRate": clientEditRate, "rawEditRate": rawEditRate, "floorBatchRate": floorBatchRate,
            "clientSynchronous": Self.synchronousName(clientSynchronous),
            "crashSafeMedianMs": Self.percentile(crashSafeSingle, 0.5) * 1000,
            "crashSafeP99Ms": Self.percentile(crashSafeSingle, 0.99) * 1000, "rawSynchronous": "FULL",
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
