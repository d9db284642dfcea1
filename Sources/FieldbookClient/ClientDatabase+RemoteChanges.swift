import FieldbookModel
import FieldbookSync
import GRDB

/// What applying a page of remote changes did.
public struct RemoteApplySummary: Hashable, Sendable {
    /// Changes that altered a record.
    public var applied = 0
    /// Changes already known here (duplicates, own changes echoed back).
    public var unchanged = 0
    /// Records that hold an open conflict after the page (checked once all
    /// of the page is merged).
    public var recordsInConflict: Set<String> = []
}

extension ClientDatabase {
    /// Applies changes received from the server in one transaction.
    ///
    /// The server validated them; the merge is idempotent, so a page applied
    /// twice (a retried pull) changes nothing the second time. The clock
    /// moves past every received time without a drift check (the server
    /// bounds drift; this device's clock may be the wrong one).
    @discardableResult
    public func applyRemote(_ changes: [Change], stable: VersionVector? = nil) throws -> RemoteApplySummary {
        try writer.write { db in
            var replica = try ReplicaRow.fetchOrCreate(db, schemaVersion: registry.version)
            if let stable { replica.stable = replica.stable.merged(with: stable) }
            let summary = try merge(changes, into: &replica, in: db)
            try replica.saveSyncState(db)
            return summary
        }
    }

    /// Merges remote `changes` into the stored records inside the caller's
    /// transaction, advancing `replica.clock` past their times (the caller
    /// saves `replica`).
    func merge(_ changes: [Change], into replica: inout ReplicaRow, in db: Database) throws -> RemoteApplySummary {
        var clock = HybridLogicalClock(last: replica.clock)
        var summary = RemoteApplySummary()
        // Records the page touched, merged in memory: each is read once
        // and written once (if a change altered it), however many changes
        // of the page it receives.
        var merged: [String: (state: RecordState, changed: Bool)] = [:]
        var touched: [String] = []
        for change in changes {
            if merged[change.record] == nil {
                let stored = try RecordRow.fetch(change.record, in: db)
                merged[change.record] = (stored ?? RecordState(entity: change.entity, id: change.record), false)
                touched.append(change.record)
            }
            let changed: [Slot]
            // In place: a copy of the state would copy its slots on every change.
            do throws(SyncError) { changed = try merged[change.record]!.state.apply(change, stable: replica.stable) } catch {
                throw ClientError.sync(error)
            }
            clock.advance(past: change.time)
            guard !changed.isEmpty else {
                summary.unchanged += 1
                continue
            }
            summary.applied += 1
            merged[change.record]!.changed = true
        }
        let now = nowText()
        for id in touched {
            guard let (state, changed) = merged[id], changed else { continue }
            try RecordRow.save(state, registry: registry, now: now, in: db)
            if state.openConflictCount > 0 { summary.recordsInConflict.insert(state.id) }
        }
        replica.clock = clock.last
        return summary
    }

    /// Changes this replica made that the server has not yet acknowledged,
    /// in the order they were made.
    public func pendingChanges() throws -> [Change] {
        try outbox(.pending).map(\.change)
    }
}
