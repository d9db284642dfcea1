/// What one ``ServerStore/readLog(after:limit:excludingAuthor:)`` call returns.
///
/// The contract (SYNC.md §11.4, visibility rule): every entry returned is
/// committed, no change can still commit at a position at or below
/// ``scannedThrough``, and every change in `(after, scannedThrough]` that is
/// not excluded by author is in ``entries``, in position order. A reader may
/// therefore move its cursor to ``scannedThrough`` without ever skipping a change.
public struct LogSlice: Hashable, Sendable {
    /// The entries read, in position order; at most the limit asked for.
    public var entries: [LogEntry]
    /// The position the reader may continue after. When ``hasMore`` is false
    /// this is the committed log head at the time of the read (it also moves
    /// past excluded entries); otherwise it is the last entry's position.
    public var scannedThrough: LogPosition
    /// Whether more matching entries were committed beyond ``scannedThrough``.
    public var hasMore: Bool

    /// Creates a slice.
    public init(entries: [LogEntry], scannedThrough: LogPosition, hasMore: Bool) {
        self.entries = entries
        self.scannedThrough = scannedThrough
        self.hasMore = hasMore
    }
}
