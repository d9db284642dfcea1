import FieldbookModel
import FieldbookProtocol
import FieldbookSync

/// The state of one running session of a ``SyncEngine``: the push and pull
/// loops and the running summary.
struct SyncSession {
    let engine: SyncEngine
    let reportHandler: SyncEngine.ProgressHandler
    var summary = SyncSummary()
    private var progress = SyncProgress(phase: .pushing)

    init(engine: SyncEngine, report: @escaping SyncEngine.ProgressHandler) {
        self.engine = engine
        self.reportHandler = report
    }

    private var database: ClientDatabase { engine.database }

    mutating func report(_ phase: SyncProgress.Phase) {
        progress.phase = phase
        reportHandler(progress)
    }

    /// Pushes until no pending change is left without a final result
    /// (SYNC.md §11.2). Changes written meanwhile are pushed too.
    mutating func push() async throws {
        progress.pushTotal += try database.pendingCount()
        var sentThisSession = Set<Dot>()
        while true {
            let batch = try database.pendingBatch(limit: engine.configuration.pushBatchSize)
            guard !batch.isEmpty else { return }
            let fresh = batch.filter { !sentThisSession.contains($0.dot) }.count
            if progress.pushed + fresh > progress.pushTotal { progress.pushTotal = progress.pushed + fresh }
            let request = PushRequest(schemaVersion: database.registry.version, replica: database.replicaID, changes: batch)
            guard case .push(let response) = try await engine.transport.send(.push(request)) else {
                throw SyncEngineError.unexpectedResponse(expected: "push")
            }
            guard response.results.count == batch.count else {
                throw SyncEngineError.resultCountMismatch(sent: batch.count, received: response.results.count)
            }
            let tally = try database.recordPushResults(response.results, serverTime: response.serverTime)
            for change in batch where sentThisSession.insert(change.dot).inserted {
                summary.pushed += 1
                progress.pushed += 1
            }
            summary.accepted += tally.accepted + tally.duplicates
            summary.duplicates += tally.duplicates
            summary.rejected += tally.rejected
            report(.pushing)
            guard tally.notFinal < batch.count else {
                throw SyncEngineError.pushStalled(pending: try database.pendingCount())
            }
        }
    }

    /// Pulls pages until `hasMore` is false, re-downloading the scope once
    /// when the server no longer serves the stored cursor (§9.5).
    mutating func pull() async throws {
        var restarted = false
        while true {
            let position = try database.pullPosition()
            let request = PullRequest(
                schemaVersion: database.registry.version, replica: database.replicaID, cursor: position.cursor,
                limit: engine.configuration.pullLimit, acknowledged: position.acknowledged
            )
            let page: PullResponse
            do {
                guard case .pull(let response) = try await engine.transport.send(.pull(request)) else {
                    throw SyncEngineError.unexpectedResponse(expected: "pull")
                }
                page = response
            } catch {
                guard let code = SyncEngine.wireCode(of: error), Self.requiresRedownload(code) else { throw error }
                guard position.cursor != nil, !restarted else { throw SyncEngineError.redownloadRefused(code) }
                restarted = true
                // §9.5 step 1: everything pending was pushed at the start of the session.
                try await push()
                try database.beginRedownload()
                summary.redownloaded = true
                continue
            }
            // §11.3 step 0: pending changes of evicted records go to the server first.
            if try database.hasPendingChanges(forAnyOf: page.evictions.map(\.id)) { try await push() }
            let outcome = try database.applyPage(page)
            summary.pulled += page.changes.count
            summary.applied += outcome.applied
            summary.snapshots += outcome.snapshots
            summary.evictions += outcome.removed
            summary.keptAfterEviction += outcome.kept
            summary.removedByRedownload += outcome.removedByRedownload
            summary.pages += 1
            progress.pulled += page.itemCount
            progress.pages += 1
            report(position.redownloading ? .redownloading : .pulling)
            guard page.hasMore else { return }
        }
    }

    /// Codes answered by re-downloading the scope (SYNC.md §13).
    static func requiresRedownload(_ code: WireErrorCode) -> Bool {
        code == .cursorExpired || code == .replicaRetired || code == .invalidCursor
    }
}
