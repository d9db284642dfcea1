import FieldbookProtocol
import FieldbookSync

/// What one ``SyncService/compact(batchSize:)`` run did.
public struct CompactionReport: Hashable, Sendable {
    /// The frontier compaction ran against.
    public var stable: VersionVector
    /// Records purged (now purge stubs).
    public var purged: [RecordRef]
    /// The log was truncated through this position, if at all.
    public var logTruncatedThrough: LogPosition?

    /// Creates a report.
    public init(stable: VersionVector, purged: [RecordRef], logTruncatedThrough: LogPosition?) {
        self.stable = stable
        self.purged = purged
        self.logTruncatedThrough = logTruncatedThrough
    }
}
