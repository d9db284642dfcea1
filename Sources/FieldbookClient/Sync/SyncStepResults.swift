import FieldbookProtocol

// The results of the engine's storage steps, internal to a session.

/// Where the replica stands before a pull request.
struct PullPosition: Sendable {
    /// The cursor of the last applied page; nil: download the scope.
    var cursor: PullCursor?
    /// The cursor to acknowledge (SYNC.md §11.8).
    var acknowledged: PullCursor?
    /// Whether a re-download (§9.5) is under way.
    var redownloading: Bool
}

/// What applying one pull page did locally.
struct PageOutcome: Sendable {
    var applied = 0
    var snapshots = 0
    var removed = 0
    var kept = 0
    var removedByRedownload = 0
}

/// Counts of one push round's results.
struct PushTally: Sendable {
    var accepted = 0
    var duplicates = 0
    var rejected = 0
    var notFinal = 0
}
