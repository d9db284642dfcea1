import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookSync

/// A client that applies pull pages exactly as SYNC.md §11.3 says —
/// snapshots replace, changes merge, evictions remove — and checks the page
/// rules while doing so, for scope tests.
public struct ScopedClient: Sendable {
    /// A page broke a rule of §11.3.
    public struct PageRuleViolation: Error, CustomStringConvertible {
        public let description: String
    }

    public let replica: ReplicaID
    public let caller: SyncCaller
    /// The confirmed state: every record the client holds.
    public private(set) var records: [String: RecordState] = [:]
    /// The cursor of the last page applied.
    public var cursor: PullCursor?
    /// Every record ID ever received in a snapshot or change (for out-of-scope checks).
    public private(set) var received: [String] = []
    private var counter: UInt64 = 0

    public init(_ replica: String, user: String, role: Role) {
        self.replica = ReplicaID(unchecked: replica)
        caller = SyncCaller(user: user, role: role)
    }

    /// The IDs of the records held.
    public var ids: Set<String> { Set(records.keys) }

    /// Pulls and applies one page.
    @discardableResult
    public mutating func pullPage(from service: SyncService, limit: Int = 1000) async throws -> PullResponse {
        let request = PullRequest(schemaVersion: 1, replica: replica, cursor: cursor, limit: limit)
        let page = try await service.pull(request, caller: caller)
        try apply(page, limit: limit)
        return page
    }

    /// Pulls until `hasMore` is false; returns the pages.
    @discardableResult
    public mutating func sync(from service: SyncService, limit: Int = 1000) async throws -> [PullResponse] {
        var pages: [PullResponse] = []
        repeat {
            pages.append(try await pullPage(from: service, limit: limit))
        } while pages.last!.hasMore && pages.count < 100_000
        return pages
    }

    /// Applies a page, checking its size and that no record is both evicted and sent.
    public mutating func apply(_ page: PullResponse, limit: Int) throws {
        let items = page.changes.count + page.snapshots.count + page.evictions.count
        guard items <= limit else { throw PageRuleViolation(description: "\(items) items on a page of limit \(limit)") }
        let evicted = Set(page.evictions.map(\.id))
        let sent = Set(page.snapshots.map(\.id)).union(page.changes.map(\.record))
        guard evicted.isDisjoint(with: sent) else {
            throw PageRuleViolation(description: "records both evicted and sent: \(evicted.intersection(sent).sorted())")
        }
        for snapshot in page.snapshots { records[snapshot.id] = snapshot }
        for change in page.changes {
            let base = records[change.record] ?? RecordState(entity: change.entity, id: change.record)
            records[change.record] = try base.merged(with: change).state
        }
        for eviction in page.evictions { records[eviction.id] = nil }
        received += page.snapshots.map(\.id) + page.changes.map(\.record)
        cursor = page.cursor
    }

    /// Forgets everything received, as before a download.
    public mutating func reset() {
        records = [:]
        cursor = nil
    }

    /// Builds a change on the held state of `record` and pushes it; returns the result.
    public mutating func push(
        _ entity: String, _ record: String, to service: SyncService, _ edit: (inout ChangeBuilder) -> Void
    ) async throws -> ChangeResult {
        var builder = ChangeBuilder(state: records[record] ?? RecordState(entity: entity, id: record))
        edit(&builder)
        counter += 1
        let change = Change(
            entity: entity, record: record, dot: Dot(replica: replica, counter: counter),
            time: HybridTimestamp(millis: Fixtures.now - 60_000 + counter), ops: builder.operations
        )
        let response = try await service.push(PushRequest(schemaVersion: 1, replica: replica, changes: [change]), caller: caller)
        if response.results[0].status != .rejected {
            records[record] = try (records[record] ?? RecordState(entity: entity, id: record)).merged(with: change).state
        }
        return response.results[0]
    }
}
