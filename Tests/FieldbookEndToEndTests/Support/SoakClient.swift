import Foundation

/// One simulated device of the soak test, speaking the sync protocol over
/// HTTP: each round pushes new accounts and edits of its earlier ones, then
/// pulls until `hasMore` is false, acknowledging the cursor it applied.
struct SoakClient {
    /// The device's session.
    let session: RawSyncSession
    /// Territory for new accounts (reps), nil for office users.
    let territory: String?
    private var cursor: String?
    private var accounts: [(id: String, phoneDot: String?)] = []
    private var random: SeededGenerator

    /// Rounds, pushed and accepted changes, pulled items, and every failure seen.
    private(set) var rounds = 0
    private(set) var accepted = 0
    private(set) var pulled = 0
    private(set) var failures: [String] = []

    /// A client on `session` creating accounts in `territory`.
    init(session: RawSyncSession, territory: String?, seed: UInt64) {
        self.session = session
        self.territory = territory
        random = SeededGenerator(seed: seed)
    }

    /// One push of a few changes, then a full pull.
    mutating func round() async {
        rounds += 1
        do {
            try await push()
            try await pull()
        } catch {
            failures.append("round \(rounds): \(error)")
        }
    }

    private mutating func push() async throws {
        var changes: [[String: Any]] = []
        var created: [String] = []
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            let id = "soak-\(UUID().uuidString.lowercased())"
            var ops: [[String: Any]] = [["slot": "name", "value": "Soak \(session.replica) \(rounds)"]]
            if let territory { ops.append(["slot": "territory", "value": territory]) }
            changes.append(session.change("account", id, ops))
            created.append(id)
        }
        var edited: [Int] = []
        for _ in 0..<min(2, accounts.count) {
            let index = Int.random(in: 0..<accounts.count, using: &random)
            guard !edited.contains(index) else { continue }
            var op: [String: Any] = ["slot": "phone", "value": "+49 30 \(Int.random(in: 100_000...999_999, using: &random))"]
            if let dot = accounts[index].phoneDot { op["supersedes"] = [dot] }
            let change = session.change("account", accounts[index].id, [op])
            changes.append(change)
            accounts[index].phoneDot = change["dot"] as? String
            edited.append(index)
        }
        let answer = try await session.push(changes)
        guard answer.status == 200, let results = answer.object["results"] as? [[String: Any]] else {
            throw EndToEndError.unexpected("push: HTTP \(answer.status) \(answer.body ?? "")")
        }
        for result in results where result["status"] as? String != "accepted" {
            failures.append("push: \(result["status"] ?? "?") \(result["code"] ?? "")")
        }
        accepted += results.count(where: { $0["status"] as? String == "accepted" })
        accounts += created.map { (id: $0, phoneDot: nil) }
    }

    private mutating func pull() async throws {
        repeat {
            var body: [String: Any] = [
                "protocolVersion": 1, "schemaVersion": session.schemaVersion, "replica": session.replica, "limit": 500,
            ]
            if let cursor {
                body["cursor"] = cursor
                body["acknowledged"] = cursor
            }
            let answer = try await session.http.send("POST", "/v1/sync/pull", json: body)
            guard answer.status == 200, let next = answer.object["cursor"] as? String else {
                throw EndToEndError.unexpected("pull: HTTP \(answer.status) \(answer.body ?? "")")
            }
            pulled += (answer.object["changes"] as? [Any])?.count ?? 0
            pulled += (answer.object["snapshots"] as? [Any])?.count ?? 0
            cursor = next
            if answer.object["hasMore"] as? Bool != true { return }
        } while true
    }
}
