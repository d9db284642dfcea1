import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookSync

/// The visibility rule end to end (SYNC.md §11.4): three replicas push
/// concurrently while another pages through pulls of three items; every
/// change must arrive exactly once and in log order, whatever the store.
public enum ConcurrentPulls {
    /// Runs the scenario on `service` (backed by `store`) and returns what
    /// went wrong (empty when every change arrived once, in log order).
    public static func problems(
        service: SyncService, store: any ServerStore, perPusher: Int
    ) async throws -> [String] {
        let caller = SyncCaller(role: .rep)
        let start = try await service.pull(PullRequest(schemaVersion: 1, replica: Fixtures.office), caller: caller).cursor
        let pushers = [Fixtures.anna, Fixtures.ben, ReplicaID(unchecked: "carla-tablet")]
        async let pushing: Void = withThrowingTaskGroup(of: Void.self) { group in
            for pusher in pushers {
                group.addTask {
                    for counter in 1...perPusher {
                        let change = Fixtures.account(
                            "acc-\(pusher)", replica: pusher, counter: UInt64(counter), name: "v\(counter)"
                        )
                        _ = try await service.push(
                            PushRequest(schemaVersion: 1, replica: pusher, changes: [change]), caller: caller
                        )
                    }
                }
            }
            try await group.waitForAll()
        }
        var received: [Change] = []
        var cursor = start
        var rounds = 0
        while received.count < pushers.count * perPusher, rounds < 100_000 {
            rounds += 1
            let page = try await service.pull(
                PullRequest(schemaVersion: 1, replica: Fixtures.office, cursor: cursor, limit: 3), caller: caller
            )
            received += page.changes
            cursor = page.cursor
            await Task.yield()
        }
        try await pushing
        var problems: [String] = []
        if received.count != pushers.count * perPusher {
            problems.append("received \(received.count) of \(pushers.count * perPusher) changes")
        }
        if Set(received.map(\.dot)).count != received.count { problems.append("a change arrived twice") }
        let log = try await store.readLog(after: .start, limit: 1000, excludingAuthor: nil)
        if received != log.entries.map(\.change) { problems.append("changes did not arrive in log order") }
        return problems
    }
}
