import FieldbookSync

/// What deciding one pushed change reads from the store (SYNC.md §11.2
/// steps 2–8), read together: the dot's recorded decision, its replica's
/// decided counter, the record and its scope index entry.
///
/// A store answers ``ServerStore/decisionInputs(for:)`` from one snapshot,
/// in one round trip; the default implementation asks the four questions
/// one by one. Either way the commit re-checks what it relies on
/// (``AcceptedCommit``), so a snapshot that is stale by the time of the
/// commit costs a retry, never a wrong decision.
public struct DecisionInputs: Hashable, Sendable {
    /// The decision recorded for the change's dot, if decided.
    public var decision: StoredDecision?
    /// The highest decided counter of the change's replica.
    public var decidedCounter: UInt64
    /// The change's record.
    public var lookup: RecordLookup
    /// The record's scope index entry, if indexed.
    public var scopeEntry: ScopeEntry?

    /// Creates the inputs.
    public init(decision: StoredDecision?, decidedCounter: UInt64, lookup: RecordLookup, scopeEntry: ScopeEntry?) {
        self.decision = decision
        self.decidedCounter = decidedCounter
        self.lookup = lookup
        self.scopeEntry = scopeEntry
    }
}

extension ServerStore {
    /// The four reads one at a time (stores override this with one snapshot).
    public func decisionInputs(for change: Change) async throws -> DecisionInputs {
        DecisionInputs(
            decision: try await decision(for: change.dot),
            decidedCounter: try await decidedCounter(of: change.dot.replica),
            lookup: try await record(change.record),
            scopeEntry: try await scopeEntry(of: change.record)
        )
    }
}
