import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookSync

/// A client for end-to-end tests: FieldbookSync's reference ``Replica`` plus
/// an outbox, a stored cursor and the acknowledgement rule of SYNC.md §9.2.
///
/// Local edits apply at once (as on a device) and wait in the outbox until
/// ``push(to:)``; ``pull(from:limit:)`` pages until `hasMore` is false,
/// joining snapshots and receiving changes in log order.
///
/// `Replica` has no confirmed/pending split, so snapshots are *joined* where
/// a real client *replaces* its confirmed state (SYNC.md §11.6). That is
/// exact for a record the client does not hold yet; for a record it holds,
/// only while the frontier covered none of its dots when the server merged
/// them (the server then forgets superseded dots, §7.1). Tests therefore let
/// clients download before they edit once acknowledgements are in play.
public struct TestClient {
    public private(set) var replica: Replica
    public private(set) var outbox: [Change] = []
    public private(set) var rejected: [ChangeResult] = []
    public private(set) var cursor: PullCursor?
    public private(set) var stable = VersionVector()
    public let clock: TestClock

    public init(_ id: ReplicaID, clock: TestClock) {
        replica = Replica(id: id)
        self.clock = clock
    }

    public var id: ReplicaID { replica.id }

    /// Makes a local change and queues it for pushing.
    @discardableResult
    public mutating func edit(_ entity: String, _ record: String, _ edit: (inout ChangeBuilder) -> Void) -> Change {
        let change = replica.change(entity, record, physical: clock.nowMillis(), edit)!
        outbox.append(change)
        return change
    }

    /// Pushes the outbox; keeps only changes without a final result.
    @discardableResult
    public mutating func push(to service: SyncService) async throws -> [ChangeResult] {
        guard !outbox.isEmpty else { return [] }
        let request = PushRequest(schemaVersion: 1, replica: id, changes: outbox)
        let results = try await service.push(request, caller: SyncCaller(user: "user-\(id)", role: .rep)).results
        let pending = Set(results.filter { $0.code == .counterGap }.map(\.dot))
        rejected += results.filter { $0.status == .rejected && $0.code != .counterGap }
        outbox.removeAll { !pending.contains($0.dot) }
        return results
    }

    /// Pulls until `hasMore` is false, applying each page; returns the pages.
    @discardableResult
    public mutating func pull(from service: SyncService, limit: Int = PullRequest.defaultLimit) async throws -> [PullResponse] {
        var pages: [PullResponse] = []
        repeat {
            // Nothing pending means everything made before the last page was pushed (§9.2).
            let request = PullRequest(
                schemaVersion: 1, replica: id, cursor: cursor, limit: limit, acknowledged: outbox.isEmpty ? cursor : nil
            )
            let page = try await service.pull(request, caller: SyncCaller(user: "user-\(id)", role: .rep))
            for snapshot in page.snapshots { try replica.join(snapshot) }
            for change in page.changes { try replica.receive(change, physical: clock.nowMillis()) }
            cursor = page.cursor
            stable = page.stable
            pages.append(page)
        } while pages.last!.hasMore
        return pages
    }

    /// Push, then pull: one sync session.
    public mutating func sync(with service: SyncService, limit: Int = PullRequest.defaultLimit) async throws {
        try await push(to: service)
        try await pull(from: service, limit: limit)
    }

    /// The record as this client sees it.
    public func record(_ id: String) -> RecordState? { replica.records[id] }

    /// Every open conflict this client shows.
    public var conflicts: [Conflict] { replica.conflicts }
}
