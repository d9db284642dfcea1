/// What a pull cursor means to the server (clients only see the opaque text).
///
/// A download without cursor (SYNC.md §11.4) fixes a log position, the
/// *horizon*, then pages through snapshots of every record in ID order and
/// continues with the log after the horizon. ``CursorCodec`` turns these
/// values into the opaque, authenticated strings clients store.
///
/// Callers who see everything get ``snapshot(horizon:after:)`` and ``log(_:)``
/// cursors; scoped callers get ``scoped(epoch:_:)`` cursors, which also name
/// the scope epoch the replica was served at (SYNC.md §11.5).
public enum SyncCursor: Hashable, Sendable {
    /// Inside a download: snapshots of records with IDs bytewise after
    /// `after` (all when nil) remain; then the log after `horizon`.
    case snapshot(horizon: LogPosition, after: String?)
    /// Following the log: changes after `position` remain.
    case log(LogPosition)
    /// A scoped replica's position, served at scope epoch `epoch`.
    case scoped(epoch: UInt64, ScopedPhase)
}

/// Where a scoped pull stands (see ``SyncCursor/scoped(epoch:_:)``).
public enum ScopedPhase: Hashable, Sendable {
    /// A download: in-scope snapshots after `after`, then the log after `horizon`.
    case snapshot(horizon: LogPosition, after: String?)
    /// Following the log after `position`. When `movedAfter` is set, the root
    /// changes at the next position are done for records up to it (bytewise),
    /// the rest of that position is not.
    case log(LogPosition, movedAfter: String?)
    /// Moving from epoch `from` to the cursor's epoch: evicting the records of
    /// roots that left (`evicting`), then snapshotting those of roots that
    /// entered, by record ID after `after`; then `then` (never a transition).
    indirect case transition(from: UInt64, evicting: Bool, after: String?, then: ScopedPhase)
}
