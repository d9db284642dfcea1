import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookSync

/// Identifiers and change builders shared by the tests.
public enum Fixtures {
    public static let anna = ReplicaID(unchecked: "anna-phone")
    public static let ben = ReplicaID(unchecked: "ben-laptop")
    public static let office = ReplicaID(unchecked: "office-pc")
    /// 2025-06-15T15:06:40Z.
    public static let now: UInt64 = 1_750_000_000_000

    /// A change with explicit operations.
    public static func change(
        _ entity: String = "account", record: String = "acc-1", replica: ReplicaID = anna, counter: UInt64,
        millis: UInt64 = now - 60_000, _ ops: [Operation]
    ) -> Change {
        Change(
            entity: entity, record: record, dot: Dot(replica: replica, counter: counter),
            time: HybridTimestamp(millis: millis), ops: ops
        )
    }

    /// A plain-field write superseding `supersedes`.
    public static func set(_ field: String, _ value: Value, supersedes: [Dot] = []) -> Operation {
        Operation(slot: .field(field), value: value, supersedes: supersedes)
    }

    /// A change creating a valid account named `name`.
    public static func account(
        _ record: String = "acc-1", replica: ReplicaID = anna, counter: UInt64, name: String = "Müller GmbH"
    ) -> Change {
        change("account", record: record, replica: replica, counter: counter, [set("name", .text(name))])
    }

    /// Operations creating a valid open opportunity.
    public static let openOpportunity: [Operation] = [
        set("account", "acc-1"), set("name", "Press line"), set("status", "open"), set("owner", "user-anna"),
    ]
}

/// A service over an in-memory store with a hand-set clock.
public struct Harness {
    public let store: any ServerStore
    public let clock: TestClock
    public let service: SyncService

    /// A harness over `store` (e.g. a SQLite store) with a hand-set clock.
    public init(store: any ServerStore, configuration: SyncServiceConfiguration = .unscoped) {
        self.store = store
        clock = TestClock()
        service = SyncService(store: store, clock: clock, configuration: configuration)
    }

    public init(configuration: SyncServiceConfiguration = .unscoped, hooks: InMemoryServerStore.Hooks = .init()) {
        store = InMemoryServerStore(hooks: hooks)
        clock = TestClock()
        service = SyncService(store: store, clock: clock, configuration: configuration)
    }

    /// Pushes `changes` as `replica` and returns the results.
    @discardableResult
    public func push(
        _ changes: [Change], as replica: ReplicaID = Fixtures.anna, role: Role? = .rep, schemaVersion: Int = 1
    ) async throws -> [ChangeResult] {
        let request = PushRequest(schemaVersion: schemaVersion, replica: replica, changes: changes)
        return try await service.push(request, caller: SyncCaller(user: "user-\(replica)", role: role)).results
    }

    /// Pushes one change and returns its result.
    @discardableResult
    public func push(_ change: Change, as replica: ReplicaID = Fixtures.anna, role: Role? = .rep) async throws -> ChangeResult {
        try await push([change], as: replica, role: role)[0]
    }

    /// Pulls one page.
    public func pull(
        _ replica: ReplicaID, cursor: PullCursor? = nil, limit: Int = PullRequest.defaultLimit,
        acknowledged: PullCursor? = nil
    ) async throws -> PullResponse {
        let request = PullRequest(schemaVersion: 1, replica: replica, cursor: cursor, limit: limit, acknowledged: acknowledged)
        return try await service.pull(request, caller: SyncCaller(user: "user-\(replica)", role: .rep))
    }

    /// Pulls pages from `cursor` until `hasMore` is false; returns the pages.
    public func pullAll(_ replica: ReplicaID, from cursor: PullCursor? = nil, limit: Int = PullRequest.defaultLimit)
        async throws -> [PullResponse]
    {
        var pages: [PullResponse] = []
        var cursor = cursor
        repeat {
            let page = try await pull(replica, cursor: cursor, limit: limit)
            pages.append(page)
            cursor = page.cursor
        } while pages.last!.hasMore
        return pages
    }

    /// The record's state on the server, if live.
    public func state(_ id: String) async throws -> RecordState? {
        try await store.record(id).record?.state
    }
}

extension ChangeResult {
    /// A rejection's code (nil when applied).
    public var rejectionCode: WireErrorCode? { status == .rejected ? code : nil }
}
