import FieldbookProtocol
import FieldbookSync

/// The items of one pull page and where the next one starts.
struct PageContent: Sendable {
    var changes: [Change] = []
    var snapshots: [RecordState] = []
    var evictions: [RecordRef] = []
    var cursor: SyncCursor
    var hasMore = false

    /// Items on the page so far.
    var count: Int { changes.count + snapshots.count + evictions.count }
}
