import Foundation

/// Figures of the `initial-sync` benchmark, as text or JSON.
struct InitialSyncReport {
    let options: InitialSyncOptions
    var pipelined = 0
    var pipelineSeedSeconds = 0.0
    var directSeedSeconds = 0.0
    var rawSeconds = 0.0
    var cliSeconds = 0.0
    var cliPeakRSSBytes = 0
    var cliReceived = 0
    var cliSummary = ""
    /// `SyncService.pull` of every page in process, and the JSON encoding of those pages.
    var serviceSeconds = 0.0
    var serviceEncodeSeconds = 0.0
    var engineSeconds: Double?
    var engineReceived = 0
    var engineStored = 0

    init(options: InitialSyncOptions) { self.options = options }

    var rawRate: Double { Double(options.records) / rawSeconds }
    var cliRate: Double { Double(options.records) / cliSeconds }
    var ratio: Double { cliRate / rawRate }
    var peakMB: Double { Double(cliPeakRSSBytes) / 1_048_576 }
    var met: Bool { ratio >= 0.15 && peakMB < 150 }

    var text: String {
        func rate(_ value: Double) -> String { String(format: "%.0f records/s", value) }
        var lines = [
            "initial sync: \(options.records) records (accounts, contacts, calls) in one rep's scope; server in process, HTTP/1.1 on 127.0.0.1",
            String(
                format: "  seeding      %d through the push pipeline in %.1f s (%.0f changes/s), %d written directly in %.1f s",
                pipelined, pipelineSeedSeconds, Double(pipelined) / max(pipelineSeedSeconds, 1e-9), options.records - pipelined,
                directSeedSeconds
            ),
            "  fieldbook    \(rate(cliRate))  (`fieldbook sync --json` child process, \(String(format: "%.2f", cliSeconds)) s wall incl. start-up; received \(cliReceived))",
            "  raw SQLite   \(rate(rawRate))  (same state blobs, one prepared INSERT, one transaction, WAL, synchronous=FULL)",
            "  ratio        \(String(format: "%.1f", ratio * 100)) % of raw  (target: ≥ 15 % — \(ratio >= 0.15 ? "met" : "not met"))",
            "  peak memory  \(String(format: "%.1f", peakMB)) MB RSS of the client process  (target: < 150 MB — \(peakMB < 150 ? "met" : "not met"))",
        ]
        lines.append(
            "  server only  \(rate(Double(options.records) / serviceSeconds)) SyncService.pull pages in process (no HTTP, no client); "
                + "\(rate(Double(options.records) / serviceEncodeSeconds)) JSON-encoding those pages (WireCodec)"
        )
        if let engineSeconds {
            lines.append(
                "  SyncEngine   \(rate(Double(options.records) / engineSeconds))  (in process, URLSession; received \(engineReceived), stored \(engineStored); \(String(format: "%.1f", Double(options.records) / engineSeconds / rawRate * 100)) % of raw)"
            )
        }
        lines.append("  cli summary  \(cliSummary)")
        return lines.joined(separator: "\n")
    }

    var json: String {
        var object: [String: Any] = [
            "benchmark": "initial-sync", "records": options.records, "pipelinedSeed": pipelined,
            "pipelineSeedSeconds": pipelineSeedSeconds, "directSeedSeconds": directSeedSeconds,
            "cliRate": cliRate, "cliSeconds": cliSeconds, "cliPeakRSSBytes": cliPeakRSSBytes, "cliReceived": cliReceived,
            "rawRate": rawRate, "ratio": ratio, "met": met,
            "serviceRate": Double(options.records) / serviceSeconds, "encodeRate": Double(options.records) / serviceEncodeSeconds,
        ]
        if let engineSeconds {
            object["engineRate"] = Double(options.records) / engineSeconds
            object["engineReceived"] = engineReceived
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
