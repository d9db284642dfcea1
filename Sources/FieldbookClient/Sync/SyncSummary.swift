/// What one ``SyncEngine/sync(progress:)`` session did.
///
/// ```swift
/// let summary = try await engine.sync()
/// print("pushed \(summary.pushed), \(summary.rejected) rejected, pulled \(summary.pulled)")
/// ```
public struct SyncSummary: Hashable, Sendable {
    /// Changes sent to the server (each counted once, however many requests it took).
    public var pushed = 0
    /// Pushed changes the server accepted (including ``duplicates``: accepted earlier).
    public var accepted = 0
    /// Pushed changes the server had accepted before (a retried push).
    public var duplicates = 0
    /// Pushed changes the server refused; they are in the rejected list with code and reason.
    public var rejected = 0
    /// Remote changes received in pull pages.
    public var pulled = 0
    /// Received changes that altered a local record.
    public var applied = 0
    /// Record snapshots received (records entering the scope, or a download).
    public var snapshots = 0
    /// Records removed because they left the scope.
    public var evictions = 0
    /// Records that left the scope but are kept because local changes for them
    /// are rejected (they go once the changes are discarded).
    public var keptAfterEviction = 0
    /// Records removed by a re-download because the server no longer sends them.
    public var removedByRedownload = 0
    /// Pull pages applied.
    public var pages = 0
    /// Whether the session had to re-download the scope (`cursor_expired`,
    /// `replica_retired` or `invalid_cursor`, SYNC.md §9.5).
    public var redownloaded = false
    /// Open conflicts after the session.
    public var conflicts = 0
    /// How long the session took.
    public var duration: Duration = .zero

    /// An empty summary.
    public init() {}
}
