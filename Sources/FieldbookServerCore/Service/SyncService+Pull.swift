import FieldbookProtocol
import FieldbookSync

extension SyncService {
    /// Serves one pull page (SYNC.md §11.3).
    ///
    /// - Without cursor: a download. The current log head becomes the horizon;
    ///   pages carry snapshots of every record in bytewise ID order, then the
    ///   log after the horizon (a page may hold both). A retired replica may
    ///   download again (§9.5).
    /// - With a cursor: log changes after it, in log order, leaving out the
    ///   pulling replica's own changes.
    /// - Scoped callers (``scope(of:)``, SYNC.md §11.5) get only records in
    ///   their scope, evictions of records that left it and snapshots of
    ///   records that entered it (see ``scopedContent(from:scope:for:head:limit:)``).
    ///   A cursor issued under the other kind of scope (the caller's role
    ///   changed between seeing everything and a scope) or naming a dropped
    ///   scope epoch gets `cursor_expired`.
    /// - A page holds at most `min(request.limit, maxPageItems)` items and is
    ///   cut only between items; ``FieldbookProtocol/PullResponse/hasMore`` is true
    ///   when more were ready. An empty page is normal.
    /// - `acknowledged` is recorded first (monotone; a download cursor
    ///   acknowledges nothing). `stable` is the frontier, or `{}` while the
    ///   replica is not part of it.
    ///
    /// Nothing else changes on the server, so a pull is safe to retry.
    /// - Throws: ``SyncServiceError``: `unsupported_protocol_version`,
    ///   `unsupported_schema_version`, `invalid_request` (limit),
    ///   `invalid_cursor`, `cursor_expired`, `replica_retired`.
    public func pull(_ request: PullRequest, caller: SyncCaller) async throws -> PullResponse {
        try checkProtocolVersion(request.protocolVersion)
        _ = try registry(for: request.schemaVersion)
        guard (1...PullRequest.maxLimit).contains(request.limit) else {
            throw SyncServiceError.invalidRequest("limit must be between 1 and \(PullRequest.maxLimit)")
        }
        let replica = request.replica
        let head = try await store.logHead()
        var cursor: SyncCursor?
        if let text = request.cursor { cursor = try decodeCursor(text, for: replica, head: head) }
        var frontier = try await store.frontierState()
        if frontier.needsResync.contains(replica) {
            guard cursor == nil else { throw SyncServiceError.replicaRetired }
            try await store.beginResync(replica)
        }
        if let acknowledged = request.acknowledged,
            try await acknowledge(acknowledged, by: replica, head: head) == .recorded
        {
            frontier = try await store.frontierState()
        }
        let limit = min(request.limit, max(1, configuration.limits.maxPageItems))
        let scope = try await scope(of: caller)
        let page: PageContent
        do {
            if scope.isEverything {
                if case .scoped = cursor { throw SyncServiceError.cursorExpired }
                page = try await content(from: cursor ?? .snapshot(horizon: head, after: nil), for: replica, limit: limit)
            } else {
                page = try await scopedContent(from: cursor, scope: scope, for: replica, head: head, limit: limit)
            }
        } catch ServerStoreError.logCompacted {
            throw SyncServiceError.cursorExpired
        }
        return PullResponse(
            changes: page.changes, snapshots: page.snapshots, evictions: page.evictions,
            cursor: configuration.cursors.encode(page.cursor, for: replica), hasMore: page.hasMore,
            stable: frontier.isActive(replica) ? frontier.stable : VersionVector(),
            serverTime: await clock.now()
        )
    }

    /// Fills a page of at most `limit` items starting at `start`.
    private func content(from start: SyncCursor, for replica: ReplicaID, limit: Int) async throws -> PageContent {
        var page = PageContent(cursor: start)
        var budget = limit
        var position: LogPosition
        switch start {
        case .log(let after):
            position = after
        case .snapshot(let horizon, let after):
            let records = try await store.records(after: after, limit: budget + 1)
            let taken = records.prefix(budget)
            page.snapshots = taken.map(\.state)
            budget -= taken.count
            if records.count > taken.count, let last = taken.last {
                page.cursor = .snapshot(horizon: horizon, after: last.id)
                page.hasMore = true
                return page
            }
            position = horizon
            page.cursor = .log(horizon)
        case .scoped:
            throw SyncServiceError.cursorExpired
        }
        guard budget > 0 else {
            // The snapshots filled the page exactly: only look whether the log has more.
            page.hasMore = try await !store.readLog(after: position, limit: 1, excludingAuthor: replica).entries.isEmpty
            return page
        }
        let slice = try await store.readLog(after: position, limit: budget, excludingAuthor: replica)
        page.changes = slice.entries.map(\.change)
        page.cursor = .log(slice.scannedThrough)
        page.hasMore = slice.hasMore
        return page
    }

    /// Parses a cursor of `replica` and checks it points into the log we have.
    private func decodeCursor(_ text: PullCursor, for replica: ReplicaID, head: LogPosition) throws(SyncServiceError)
        -> SyncCursor
    {
        let cursor = try configuration.cursors.decode(text, for: replica)
        switch cursor {
        case .log(let position), .snapshot(let position, _):
            // The head never goes back, so a position beyond it was not issued here.
            guard position <= head else { throw .invalidCursor("the cursor points beyond the server's log") }
        case .scoped(_, let phase):
            guard Self.logPosition(of: phase) <= head else { throw .invalidCursor("the cursor points beyond the server's log") }
        }
        return cursor
    }

    /// Records `text` as `replica`'s acknowledgement (SYNC.md §11.8): the vector
    /// of the log prefix up to it plus the replica's own decided changes.
    private func acknowledge(_ text: PullCursor, by replica: ReplicaID, head: LogPosition) async throws
        -> AcknowledgementOutcome
    {
        // A download cursor acknowledges nothing until the download reaches the log.
        let position: LogPosition
        switch try decodeCursor(text, for: replica, head: head) {
        case .log(let at): position = at
        case .scoped(_, .log(let at, _)), .scoped(_, .transition(_, _, _, .log(let at, _))): position = at
        case .snapshot, .scoped: return .stale
        }
        var vector: VersionVector
        do {
            vector = try await store.logVector(through: position)
        } catch ServerStoreError.logCompacted {
            return .stale  // older than anything still acknowledgeable
        }
        let own = try await store.decidedCounter(of: replica)
        if own > 0 { vector.add(Dot(replica: replica, counter: own)) }
        return try await store.acknowledge(Acknowledgement(replica: replica, position: position, vector: vector))
    }
}
