import Foundation

/// A device that speaks the sync protocol directly (as a client written in
/// another language would), to push hand-made changes that the CLI would
/// never build.
final class RawSyncSession {
    /// The signed-in HTTP session.
    let http: HTTPCall
    /// The replica the device is bound to.
    let replica: String
    /// The entity schema version sent with every request.
    let schemaVersion: Int
    private var counter = 0

    /// Creates a session for a device signed in with `replica`.
    init(http: HTTPCall, replica: String, schemaVersion: Int) {
        self.http = http
        self.replica = replica
        self.schemaVersion = schemaVersion
    }

    /// The current time as a wire HLC timestamp.
    static func now() -> String {
        let millis = UInt64(Date().timeIntervalSince1970 * 1000)
        return String(format: "%012llx0000", millis)
    }

    /// Builds a change of this replica's next counter (or of `dot` when given).
    func change(_ entity: String, _ record: String, _ ops: [[String: Any]], dot: String? = nil) -> [String: Any] {
        let dot = dot ?? { counter += 1; return "\(replica):\(counter)" }()
        return ["dot": dot, "entity": entity, "record": record, "time": Self.now(), "ops": ops]
    }

    /// Pushes `changes` as `replica` (default: this device's) and returns the answer.
    func push(_ changes: [[String: Any]], as replica: String? = nil) async throws -> HTTPCall.Answer {
        try await http.send(
            "POST", "/v1/sync/push",
            json: [
                "protocolVersion": 1, "schemaVersion": schemaVersion, "replica": replica ?? self.replica,
                "changes": changes,
            ]
        )
    }

    /// Pushes one change and returns its result object.
    func pushOne(_ change: [String: Any]) async throws -> [String: Any] {
        let answer = try await push([change])
        guard answer.status == 200, let result = (answer.object["results"] as? [[String: Any]])?.first else {
            throw EndToEndError.unexpected("push: HTTP \(answer.status) \(answer.body ?? "")")
        }
        return result
    }

    /// Downloads the whole scope (pull without cursor, following pages) and
    /// returns the IDs of every record received.
    func downloadRecordIDs(as replica: String? = nil) async throws -> (status: Int, ids: Set<String>) {
        var ids = Set<String>()
        var cursor: String?
        repeat {
            var body: [String: Any] = [
                "protocolVersion": 1, "schemaVersion": schemaVersion, "replica": replica ?? self.replica, "limit": 500,
            ]
            if let cursor { body["cursor"] = cursor }
            let answer = try await http.send("POST", "/v1/sync/pull", json: body)
            guard answer.status == 200 else { return (answer.status, ids) }
            for snapshot in answer.object["snapshots"] as? [[String: Any]] ?? [] {
                if let id = snapshot["id"] as? String { ids.insert(id) }
            }
            for change in answer.object["changes"] as? [[String: Any]] ?? [] {
                if let id = change["record"] as? String { ids.insert(id) }
            }
            cursor = answer.object["cursor"] as? String
            if answer.object["hasMore"] as? Bool != true { break }
        } while true
        return (200, ids)
    }
}
