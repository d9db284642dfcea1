import FieldbookProtocol
import Foundation

/// The server's counters, rendered in the Prometheus text format at `GET /metrics`.
///
/// Labels hold route templates (`/v1/records/{entity}`), methods, statuses and
/// error codes only, never IDs or field values, so their number stays bounded.
public final class ServerMetrics: @unchecked Sendable {
    /// Upper bounds (seconds) of the request duration histogram buckets.
    public static let durationBuckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    private struct RequestKey: Hashable {
        var route: String
        var method: String
        var status: Int
    }

    private struct Histogram {
        var buckets = [UInt64](repeating: 0, count: ServerMetrics.durationBuckets.count)
        var count: UInt64 = 0
        var sum: Double = 0
    }

    private let lock = NSLock()
    private var requests: [RequestKey: UInt64] = [:]
    private var durations: [String: Histogram] = [:]
    private var pushed: [String: UInt64] = [:]
    private var pulled: [String: UInt64] = [:]
    private var inFlight = 0
    /// When the process (this metrics registry) started, in seconds since 1970.
    public let startTime: Double

    /// Creates an empty registry.
    public init(startTime: Date = Date()) {
        self.startTime = startTime.timeIntervalSince1970
    }

    /// A request began.
    public func requestStarted() {
        lock.withLock { inFlight += 1 }
    }

    /// A request finished with `status` after `seconds`; `route` is the route template.
    public func requestFinished(route: String, method: String, status: Int, seconds: Double) {
        lock.withLock {
            inFlight -= 1
            requests[RequestKey(route: route, method: method, status: status), default: 0] += 1
            var histogram = durations[route, default: Histogram()]
            for (index, bound) in Self.durationBuckets.enumerated() where seconds <= bound {
                histogram.buckets[index] += 1
            }
            histogram.count += 1
            histogram.sum += seconds
            durations[route] = histogram
        }
    }

    /// Counts the results of one push by status and rejection code.
    public func recordPush(_ results: [ChangeResult]) {
        lock.withLock {
            for result in results {
                let key = result.status == .rejected ? "rejected|\(result.code?.rawValue ?? "unknown")" : result.status.rawValue + "|"
                pushed[key, default: 0] += 1
            }
        }
    }

    /// Counts the items of one pull page.
    public func recordPull(_ response: PullResponse) {
        lock.withLock {
            pulled["change", default: 0] += UInt64(response.changes.count)
            pulled["snapshot", default: 0] += UInt64(response.snapshots.count)
            pulled["eviction", default: 0] += UInt64(response.evictions.count)
        }
    }

    /// Requests being handled right now.
    public var requestsInFlight: Int { lock.withLock { inFlight } }

    /// The Prometheus text exposition (format 0.0.4).
    public func render() -> String {
        lock.withLock {
            var out = ""
            out += "# HELP fieldbook_http_requests_total HTTP requests by route template, method and status.\n"
            out += "# TYPE fieldbook_http_requests_total counter\n"
            for (key, count) in requests.sorted(by: { ($0.key.route, $0.key.method, $0.key.status) < ($1.key.route, $1.key.method, $1.key.status) }) {
                out += "fieldbook_http_requests_total{route=\"\(escape(key.route))\",method=\"\(key.method)\",status=\"\(key.status)\"} \(count)\n"
            }
            out += "# HELP fieldbook_http_request_duration_seconds Time to answer a request.\n"
            out += "# TYPE fieldbook_http_request_duration_seconds histogram\n"
            for (route, histogram) in durations.sorted(by: { $0.key < $1.key }) {
                let label = "route=\"\(escape(route))\""
                for (index, bound) in Self.durationBuckets.enumerated() {
                    out += "fieldbook_http_request_duration_seconds_bucket{\(label),le=\"\(bound)\"} \(histogram.buckets[index])\n"
                }
                out += "fieldbook_http_request_duration_seconds_bucket{\(label),le=\"+Inf\"} \(histogram.count)\n"
                out += "fieldbook_http_request_duration_seconds_sum{\(label)} \(histogram.sum)\n"
                out += "fieldbook_http_request_duration_seconds_count{\(label)} \(histogram.count)\n"
            }
            out += "# HELP fieldbook_http_requests_in_flight Requests being handled.\n"
            out += "# TYPE fieldbook_http_requests_in_flight gauge\n"
            out += "fieldbook_http_requests_in_flight \(inFlight)\n"
            out += "# HELP fieldbook_sync_pushed_changes_total Pushed changes by result and rejection code.\n"
            out += "# TYPE fieldbook_sync_pushed_changes_total counter\n"
            for (key, count) in pushed.sorted(by: { $0.key < $1.key }) {
                let parts = key.split(separator: "|", omittingEmptySubsequences: false)
                out += "fieldbook_sync_pushed_changes_total{result=\"\(parts[0])\",code=\"\(escape(String(parts[1])))\"} \(count)\n"
            }
            out += "# HELP fieldbook_sync_pulled_items_total Items sent in pull pages, by kind.\n"
            out += "# TYPE fieldbook_sync_pulled_items_total counter\n"
            for (kind, count) in pulled.sorted(by: { $0.key < $1.key }) {
                out += "fieldbook_sync_pulled_items_total{kind=\"\(kind)\"} \(count)\n"
            }
            out += "# HELP process_start_time_seconds Start time of the process since unix epoch in seconds.\n"
            out += "# TYPE process_start_time_seconds gauge\n"
            out += "process_start_time_seconds \(startTime)\n"
            return out
        }
    }

    private func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}
