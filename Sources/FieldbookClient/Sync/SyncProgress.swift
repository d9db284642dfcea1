/// Where a running sync session stands, reported after every request so a
/// UI can draw a progress bar.
///
/// ```swift
/// try await engine.sync { progress in
///     if progress.phase == .pushing { print("pushed \(progress.pushed)/\(progress.pushTotal)") }
/// }
/// ```
public struct SyncProgress: Hashable, Sendable {
    /// The step the session is in.
    public enum Phase: String, Hashable, Sendable {
        /// Sending the outbox.
        case pushing
        /// Receiving pull pages.
        case pulling
        /// Downloading the whole scope again after `cursor_expired` or `replica_retired`.
        case redownloading
        /// The session is complete.
        case finished
    }

    /// The current step.
    public var phase: Phase
    /// Changes pushed so far in this session.
    public var pushed: Int
    /// Changes to push in this session (grows when local writes arrive meanwhile).
    public var pushTotal: Int
    /// Items (changes, snapshots, evictions) pulled so far.
    public var pulled: Int
    /// Pull pages applied so far.
    public var pages: Int

    /// Creates a progress report.
    public init(phase: Phase, pushed: Int = 0, pushTotal: Int = 0, pulled: Int = 0, pages: Int = 0) {
        self.phase = phase
        self.pushed = pushed
        self.pushTotal = pushTotal
        self.pulled = pulled
        self.pages = pages
    }
}
