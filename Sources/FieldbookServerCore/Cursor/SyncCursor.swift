/// What a pull cursor means to the server (clients only see the opaque text).
///
/// A download without cursor (SYNC.md §11.4) fixes a log position, the
/// *horizon*, then pages through snapshots of every record in ID order and
/// continues with the log after the horizon. ``CursorCodec`` turns these
/// values into the opaque, authenticated strings clients store.
public enum SyncCursor: Hashable, Sendable {
    /// Inside a download: snapshots of records with IDs bytewise after
    /// `after` (all when nil) remain; then the log after `horizon`.
    case snapshot(horizon: LogPosition, after: String?)
    /// Following the log: changes after `position` remain.
    case log(LogPosition)
}
