import FieldbookProtocol
import FieldbookSync

extension SyncService {
    /// Server-side compaction (SYNC.md §9.3) against the current frontier:
    ///
    /// - purges every deleted record without an open conflict whose entries
    ///   are all covered by `stable`, leaving a purge stub (rule 3), so later
    ///   edits are answered `record_purged`;
    /// - drops the log up to the lowest position every active replica has
    ///   acknowledged (rule 4); cursors before it then get `cursor_expired`.
    ///
    /// Registers keep their superseded dots on the server: snapshots then never
    /// lack a dot that a change delivered after the snapshot still names.
    /// Safe to run at any time and from several instances: purges are
    /// conditional on the record's revision.
    public func compact(batchSize: Int = 500) async throws -> CompactionReport {
        let frontier = try await store.frontierState()
        let stable = frontier.stable
        var report = CompactionReport(stable: stable, purged: [], logTruncatedThrough: nil)
        guard !frontier.acknowledgements.isEmpty else { return report }
        var after: String?
        while true {
            let page = try await store.records(after: after, limit: max(1, batchSize))
            for record in page where record.state.isPurgeable(stable: stable) {
                do {
                    try await store.purgeRecord(record.id, revision: record.revision)
                    report.purged.append(RecordRef(entity: record.state.entity, id: record.id))
                } catch ServerStoreError.recordChanged {
                    continue  // edited meanwhile: no longer a settled tombstone
                }
            }
            guard page.count >= max(1, batchSize), let last = page.last else { break }
            after = last.id
        }
        if let lowest = frontier.lowestAcknowledgedPosition, lowest > .start {
            try await store.truncateLog(through: lowest)
            report.logTruncatedThrough = lowest
        }
        return report
    }
}
