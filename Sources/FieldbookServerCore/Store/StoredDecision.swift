import FieldbookSync

/// The server's final decision about one dot, as the store keeps it.
///
/// A dot stays decided forever (SYNC.md §11.2): a later push of the same dot
/// is answered from this record, and ``digest`` tells a byte-identical retry
/// (`duplicate`, or the same rejection again) from a different change reusing
/// the dot (`dot_reused`).
public struct StoredDecision: Hashable, Sendable {
    /// What was decided.
    public enum Outcome: Hashable, Sendable {
        /// Merged and logged at this position.
        case accepted(LogPosition)
        /// Not applied, for this reason.
        case rejected(Rejection)
    }

    /// The change decided.
    public var dot: Dot
    /// The decision.
    public var outcome: Outcome
    /// Digest of the change's canonical encoding.
    public var digest: ChangeDigest

    /// Creates a decision record.
    public init(dot: Dot, outcome: Outcome, digest: ChangeDigest) {
        self.dot = dot
        self.outcome = outcome
        self.digest = digest
    }

    /// Whether the change was accepted.
    public var isAccepted: Bool {
        if case .accepted = outcome { return true }
        return false
    }
}
