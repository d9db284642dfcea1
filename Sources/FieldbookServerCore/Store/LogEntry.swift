import FieldbookSync

/// One accepted change at its position in the server's log.
public struct LogEntry: Hashable, Sendable {
    /// Where the change sits in the log (commit order).
    public var position: LogPosition
    /// The change, exactly as accepted.
    public var change: Change

    /// Creates a log entry.
    public init(position: LogPosition, change: Change) {
        self.position = position
        self.change = change
    }
}
