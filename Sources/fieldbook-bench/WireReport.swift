import Foundation

/// Figures of the `wire` benchmark (figure 7), as text or JSON.
struct WireReport {
    /// What device B's pull received, summed over its pages.
    struct Pulled {
        var pages = 0
        var compressedPages = 0
        var changes = 0
        /// Response bodies as JSON (inflated).
        var jsonBytes = 0
        /// Response bodies as sent (gzip).
        var wireBytes = 0
        /// The pulled changes' bare values, one line per change.
        var bareBytes = 0
        /// Those bare values gzipped per page (`gzip -6`): the baseline.
        var baselineGzipBytes = 0
    }

    let options: WireOptions
    var pushed = 0
    var pushBodyBytes = 0
    var pushGzipBytes = 0
    /// B's pull after A pushed the creations, and after A pushed the edits.
    var creations = Pulled()
    var edits = Pulled()

    /// Both pulls together.
    var pull: Pulled {
        Pulled(
            pages: creations.pages + edits.pages, compressedPages: creations.compressedPages + edits.compressedPages,
            changes: creations.changes + edits.changes, jsonBytes: creations.jsonBytes + edits.jsonBytes,
            wireBytes: creations.wireBytes + edits.wireBytes, bareBytes: creations.bareBytes + edits.bareBytes,
            baselineGzipBytes: creations.baselineGzipBytes + edits.baselineGzipBytes
        )
    }

    init(options: WireOptions) { self.options = options }

    var perChange: Double { Double(pull.wireBytes) / Double(max(1, pull.changes)) }
    var baselinePerChange: Double { Double(pull.baselineGzipBytes) / Double(max(1, pull.changes)) }
    var ratio: Double { Double(pull.wireBytes) / Double(max(1, pull.baselineGzipBytes)) }
    var met: Bool { ratio <= 1.3 && pull.changes == pushed }

    var text: String {
        func per(_ bytes: Int, _ count: Int) -> String { String(format: "%7.1f B/change", Double(bytes) / Double(max(1, count))) }
        let pull = self.pull
        func split(_ part: Pulled) -> String {
            "\(per(part.wireBytes, part.changes)) on the wire vs \(per(part.baselineGzipBytes, part.changes)) baseline: "
                + String(format: "%.2f×", Double(part.wireBytes) / Double(max(1, part.baselineGzipBytes)))
        }
        return [
            "wire: \(options.records) creations (accounts, contacts, calls) + \(options.edits) one-field edits pushed by A, "
                + "pulled by B over HTTP/1.1 with Accept-Encoding: gzip (server in process, 127.0.0.1)",
            "  pull wire    \(per(pull.wireBytes, pull.changes))  (\(pull.changes) changes in \(pull.pages) pages, "
                + "\(pull.compressedPages) gzip-compressed; \(pull.wireBytes) bytes)",
            "  pull JSON    \(per(pull.jsonBytes, pull.changes))  (the same pages inflated)",
            "  bare values  \(per(pull.bareBytes, pull.changes))  (values only, tab-separated, one line per change)",
            "  baseline     \(per(pull.baselineGzipBytes, pull.changes))  (those bare values, gzip -6 per page)",
            "  ratio        " + String(format: "%.2f×", ratio) + " gzip of the bare values  (target ≤ 1.3× — \(met ? "met" : "not met"))",
            "  creations    \(split(creations))",
            "  edits        \(split(edits))",
            "  push JSON    \(per(pushBodyBytes, pushed))  (requests of 500 as the client sends them, uncompressed: "
                + String(format: "%.2f×", Double(pushBodyBytes) / Double(max(1, pull.baselineGzipBytes))) + " baseline)",
            "  push gzip    \(per(pushGzipBytes, pushed))  (the same bodies gzip -6, as a compressing client would send: "
                + String(format: "%.2f×", Double(pushGzipBytes) / Double(max(1, pull.baselineGzipBytes))) + " baseline)",
        ].joined(separator: "\n")
    }

    var json: String {
        let object: [String: Any] = [
            "benchmark": "wire", "records": options.records, "edits": options.edits, "pushed": pushed,
            "pulled": pull.changes, "pages": pull.pages, "creationRatio": Double(creations.wireBytes) / Double(max(1, creations.baselineGzipBytes)),
            "editRatio": Double(edits.wireBytes) / Double(max(1, edits.baselineGzipBytes)), "pullWireBytes": pull.wireBytes, "pullJSONBytes": pull.jsonBytes,
            "bareBytes": pull.bareBytes, "baselineGzipBytes": pull.baselineGzipBytes, "pushBodyBytes": pushBodyBytes,
            "pushGzipBytes": pushGzipBytes, "perChange": perChange, "baselinePerChange": baselinePerChange,
            "ratio": ratio, "met": met,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
