import FieldbookModel
import FieldbookProtocol
import FieldbookSync
import Foundation
import GRDB

extension ClientDatabase {
    /// The oldest `limit` pending outbox changes, in push (counter) order.
    func pendingBatch(limit: Int) throws -> [Change] {
        try writer.read { db in
            let rows = try Data.fetchAll(
                db, sql: "SELECT change FROM outbox WHERE status = 'pending' ORDER BY seq LIMIT ?", arguments: [limit]
            )
            return try rows.map { data in
                guard let change = try? data.withUnsafeBytes({ bytes in try StorageCodec.change(from: bytes) }) else {
                    throw ClientError.corruptRecord(id: "outbox", reason: "outbox entry unreadable")
                }
                return change
            }
        }
    }

    /// The number of pending outbox changes.
    func pendingCount() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox WHERE status = 'pending'") ?? 0 }
    }

    /// Records push results in one transaction: accepted and duplicate
    /// changes leave the outbox (the record already shows them), rejected
    /// ones stay as rejected entries with code and reason; `counter_gap` is
    /// not final and leaves the change pending. The clock moves past `serverTime`.
    func recordPushResults(_ results: [ChangeResult], serverTime: HybridTimestamp) throws -> PushTally {
        try writer.write { db in
            var tally = PushTally()
            let confirm = try db.cachedStatement(sql: "DELETE FROM outbox WHERE \(LeanOutbox.dotCondition) AND status = 'pending'")
            let reject = try db.cachedStatement(
                sql: "UPDATE outbox SET status = 'rejected', code = ?, reason = ? WHERE \(LeanOutbox.dotCondition) AND status = 'pending'"
            )
            for result in results {
                switch result.status {
                case .accepted, .duplicate:
                    try confirm.execute(arguments: LeanOutbox.arguments(for: result.dot))
                    if result.status == .accepted { tally.accepted += 1 } else { tally.duplicates += 1 }
                case .rejected where result.code == .counterGap:
                    tally.notFinal += 1
                case .rejected:
                    let code = result.code?.rawValue ?? "rejected"
                    try reject.execute(arguments: [code, result.reason ?? code] + LeanOutbox.arguments(for: result.dot))
                    tally.rejected += 1
                }
            }
            if tally.accepted + tally.duplicates > 0 {
                try db.execute(sql: "UPDATE replica SET confirmed_any = 1 WHERE singleton = 1")
            }
            var replica = try ReplicaRow.fetchOrCreate(db, schemaVersion: registry.version)
            var clock = HybridLogicalClock(last: replica.clock)
            clock.advance(past: serverTime)
            replica.clock = clock.last
            try replica.saveClock(db)
            return tally
        }
    }

    /// Whether any of `records` has a pending outbox change.
    func hasPendingChanges(forAnyOf records: [String]) throws -> Bool {
        guard !records.isEmpty else { return false }
        return try writer.read { db in
            let marks = Array(repeating: "?", count: records.count).joined(separator: ",")
            return try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM outbox WHERE status = 'pending' AND record_id IN (\(marks)))",
                arguments: StatementArguments(records)
            ) ?? false
        }
    }

    /// The cursor to resume from and the one to acknowledge: the stored
    /// cursor once every change made before its page was applied has a push
    /// result (§9.2), else the last cursor that qualified.
    func pullPosition() throws -> PullPosition {
        try writer.write { db in
            let row = try Row.fetchOne(
                db, sql: "SELECT cursor, cursor_counter, ack_cursor, resync FROM replica WHERE singleton = 1"
            )
            guard let row else { throw ClientError.corruptRecord(id: "replica", reason: "replica row missing") }
            let cursor = (row["cursor"] as String?).flatMap(PullCursor.init)
            var acknowledged = (row["ack_cursor"] as String?).flatMap(PullCursor.init)
            let counter: Int64 = row["cursor_counter"]
            if let cursor, try oldestPendingCounter(in: db).map({ $0 > counter }) ?? true {
                acknowledged = cursor
                try db.execute(sql: "UPDATE replica SET ack_cursor = ? WHERE singleton = 1", arguments: [cursor.rawValue])
            }
            return PullPosition(cursor: cursor, acknowledged: acknowledged, redownloading: row["resync"] as Bool)
        }
    }

    private func oldestPendingCounter(in db: Database) throws -> Int64? {
        let dot = try String.fetchOne(db, sql: "SELECT dot FROM outbox WHERE status = 'pending' ORDER BY seq LIMIT 1")
        return dot.flatMap(Dot.init(parsing:)).map { Int64($0.counter) }
    }

    /// Starts the re-download of SYNC.md §9.5: forgets cursor, acknowledged
    /// cursor and `stable`, and starts collecting the records the download
    /// delivers.
    func beginRedownload() throws {
        try writer.write { db in
            try db.execute(
                sql: """
                    UPDATE replica SET cursor = NULL, ack_cursor = NULL, cursor_counter = 0, stable = '{}', resync = 1
                    WHERE singleton = 1;
                    DELETE FROM sync_resync_seen;
                    """
            )
        }
    }

    /// Applies one pull page and stores its cursor in one transaction
    /// (SYNC.md §11.3): snapshots replace the stored state (local outbox
    /// changes re-applied on top), changes merge, evicted records are removed
    /// unless local changes for them are pending or rejected (then they are
    /// kept in `sync_hold`). The last page of a re-download also removes the
    /// records it did not deliver, except those with local changes.
    func applyPage(_ page: PullResponse) throws -> PageOutcome {
        try writer.write { db in
            var outcome = PageOutcome()
            var replica = try ReplicaRow.fetchOrCreate(db, schemaVersion: registry.version)
            let redownloading = try Bool.fetchOne(db, sql: "SELECT resync FROM replica WHERE singleton = 1") ?? false
            replica.stable = replica.stable.merged(with: page.stable)
            let now = nowText()
            let local = try localChanges(for: Set(page.snapshots.map(\.id)), in: db)
            for snapshot in page.snapshots {
                var state = snapshot
                for change in local[snapshot.id] ?? [] {
                    do throws(SyncError) { _ = try state.apply(change) } catch { throw ClientError.sync(error) }
                }
                try RecordRow.save(state, registry: registry, now: now, in: db)
                try db.execute(sql: "DELETE FROM sync_hold WHERE record_id = ?", arguments: [snapshot.id])
                outcome.snapshots += 1
            }
            outcome.applied = try merge(page.changes, into: &replica, in: db).applied
            for eviction in page.evictions {
                if try hasLocalChanges(eviction.id, in: db) {
                    try db.execute(
                        sql: "INSERT OR IGNORE INTO sync_hold (record_id, entity, since) VALUES (?, ?, ?)",
                        arguments: [eviction.id, eviction.entity, now]
                    )
                    outcome.kept += 1
                } else if try removeRecord(eviction.id, in: db) {
                    outcome.removed += 1
                }
            }
            if redownloading {
                let seen = Set(page.snapshots.map(\.id) + page.changes.map(\.record))
                for id in seen {
                    try db.execute(sql: "INSERT OR IGNORE INTO sync_resync_seen (record_id) VALUES (?)", arguments: [id])
                }
                if !page.hasMore { outcome.removedByRedownload = try finishRedownload(in: db) }
            }
            var clock = HybridLogicalClock(last: replica.clock)
            clock.advance(past: page.serverTime)
            replica.clock = clock.last
            replica.cursor = page.cursor.rawValue
            try replica.saveSyncState(db)
            try db.execute(
                sql: "UPDATE replica SET cursor_counter = ? WHERE singleton = 1", arguments: [Int64(replica.counter)]
            )
            return outcome
        }
    }

    /// Removes the records the completed re-download did not deliver and
    /// that hold no local changes; returns how many.
    private func finishRedownload(in db: Database) throws -> Int {
        let stale = try String.fetchAll(
            db,
            sql: """
                SELECT id FROM record
                WHERE id NOT IN (SELECT record_id FROM sync_resync_seen)
                  AND id NOT IN (SELECT record_id FROM outbox)
                """
        )
        for id in stale { _ = try removeRecord(id, in: db) }
        try db.execute(sql: "DELETE FROM sync_resync_seen; UPDATE replica SET resync = 0 WHERE singleton = 1")
        return stale.count
    }

    /// Removes evicted records kept for local changes that have since been
    /// resolved (pushed or discarded); returns how many.
    func releaseResolvedHolds() throws -> Int {
        try writer.write { db in
            let resolved = try String.fetchAll(
                db, sql: "SELECT record_id FROM sync_hold WHERE record_id NOT IN (SELECT record_id FROM outbox)"
            )
            for id in resolved { _ = try removeRecord(id, in: db) }
            return resolved.count
        }
    }

    /// Records the end of a session: its time and error (nil: success) and the server.
    func finishSession(error: String?, serverURL: String?) throws {
        try writer.write { db in
            if error == nil {
                try db.execute(
                    sql: "UPDATE replica SET last_sync_at = ?, last_sync_error = NULL WHERE singleton = 1",
                    arguments: [nowText()]
                )
            } else {
                try db.execute(sql: "UPDATE replica SET last_sync_error = ? WHERE singleton = 1", arguments: [error])
            }
            if let serverURL {
                try db.execute(sql: "UPDATE replica SET server_url = ? WHERE singleton = 1", arguments: [serverURL])
            }
        }
    }

    /// Open conflicts across all records.
    func openConflictCount() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(conflicts), 0) FROM record") ?? 0 }
    }

    private func localChanges(for records: Set<String>, in db: Database) throws -> [String: [Change]] {
        guard !records.isEmpty else { return [:] }
        var result: [String: [Change]] = [:]
        for entry in try OutboxEntry.fetchAll(in: db) where records.contains(entry.change.record) {
            result[entry.change.record, default: []].append(entry.change)
        }
        return result
    }

    private func hasLocalChanges(_ record: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM outbox WHERE record_id = ?)", arguments: [record])
            ?? false
    }

    /// Deletes a record (its projection row goes with it) and any hold mark.
    private func removeRecord(_ id: String, in db: Database) throws -> Bool {
        try db.execute(sql: "DELETE FROM sync_hold WHERE record_id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM record WHERE id = ?", arguments: [id])
        return db.changesCount > 0
    }
}

extension ClientDatabase {
    /// IDs of records the server evicted (they left this replica's scope)
    /// that stay here because local changes for them are pending or
    /// rejected; each goes at the end of the first sync after its changes
    /// were pushed or discarded.
    public func heldEvictedRecords() throws -> [String] {
        try writer.read { db in try String.fetchAll(db, sql: "SELECT record_id FROM sync_hold ORDER BY record_id") }
    }
}
