import FieldbookProtocol
import FieldbookSync

extension SyncService {
    /// Fills one page for a scoped caller (SYNC.md §11.5).
    ///
    /// The cursor names the *scope epoch* the replica was served at: the set
    /// of roots stored under that number for the replica. When the caller's
    /// current roots differ, a new epoch is stored and a *transition* runs
    /// first, at the cursor's log position: evictions of the records under
    /// roots that left, then snapshots of those under roots that entered,
    /// both in record-ID order and resumable. Then the phase the cursor was in
    /// goes on. Snapshot and log phases serve the roots in both the epoch and
    /// the current scope (plus shared data); in the log phase every
    /// ``RootChange`` after the cursor becomes a snapshot (the record is in
    /// scope now) or an eviction (it is not), and a change is sent only when
    /// its record is in scope now. Within a page, every decision about a
    /// record uses one reading of its root, so a page never both evicts and
    /// sends a record.
    /// - Throws: `cursor_expired` for an unscoped cursor or a dropped epoch.
    func scopedContent(from cursor: SyncCursor?, scope: CallerScope, for replica: ReplicaID, head: LogPosition, limit: Int)
        async throws -> PageContent
    {
        let current = scope.roots ?? []
        var epoch: UInt64
        var phase: ScopedPhase
        switch cursor {
        case nil:
            epoch = try await store.saveScopeEpoch(current, for: replica, keeping: configuration.keptScopeEpochs)
            phase = .snapshot(horizon: head, after: nil)
        case .scoped(let number, let at)?:
            guard let served = try await store.scopeEpoch(number, of: replica) else { throw SyncServiceError.cursorExpired }
            epoch = number
            phase = at
            if case .transition = at {
            } else if served != current {
                epoch = try await store.saveScopeEpoch(current, for: replica, keeping: configuration.keptScopeEpochs)
                phase = .transition(from: number, evicting: true, after: nil, then: at)
            }
        case .log?, .snapshot?:
            throw SyncServiceError.cursorExpired
        }
        guard let served = try await store.scopeEpoch(epoch, of: replica) else { throw SyncServiceError.cursorExpired }
        var filler = ScopedPageFiller(
            service: self, replica: replica, head: head, budget: limit,
            serving: served.intersection(current), epoch: epoch
        )
        try await filler.fill(from: phase)
        // The scope moved again while this epoch was being served: pull again to catch up.
        if served != current { filler.page.hasMore = true }
        return filler.page
    }

    /// The log position a scoped phase stands at.
    static func logPosition(of phase: ScopedPhase) -> LogPosition {
        switch phase {
        case .snapshot(let horizon, _): horizon
        case .log(let position, _): position
        case .transition(_, _, _, let then): logPosition(of: then)
        }
    }
}
