import FieldbookProtocol
import FieldbookSync

/// A record's merged state on the server, with the revision used for
/// optimistic concurrency.
public struct StoredRecord: Hashable, Sendable {
    /// The record's replicated state: every change accepted for it, merged.
    public var state: RecordState
    /// The log position of the last change merged into ``state``. A commit
    /// names the revision it merged onto, so two servers merging into the same
    /// record concurrently cannot overwrite each other (one must retry).
    public var revision: LogPosition

    /// Creates a stored record.
    public init(state: RecordState, revision: LogPosition) {
        self.state = state
        self.revision = revision
    }

    /// The record's ID.
    public var id: String { state.id }
}

/// What the store holds for a record ID.
public enum RecordLookup: Hashable, Sendable {
    /// No change was ever accepted for this ID.
    case absent
    /// The record's current state.
    case live(StoredRecord)
    /// The record was deleted and purged by compaction; only its stub remains
    /// (SYNC.md §9.3): later edits are answered `record_purged`.
    case purged(RecordRef)

    /// The live record, if any.
    public var record: StoredRecord? {
        if case .live(let record) = self { return record }
        return nil
    }

    /// The entity the ID is bound to (the first accepted change fixes it), if any.
    public var entity: String? {
        switch self {
        case .absent: nil
        case .live(let record): record.state.entity
        case .purged(let stub): stub.entity
        }
    }
}
