/// The set of roots a replica was last served at, under a number the
/// replica's cursors carry (SYNC.md §11.5): a pull diffs the caller's
/// current roots against its cursor's epoch to find what left and entered
/// the scope. Stores keep the last few epochs per replica.
public struct ScopeEpoch: Hashable, Sendable {
    /// The epoch number, increasing per replica.
    public var number: UInt64
    /// The roots served (``ScopeRoot/shared`` is implied).
    public var roots: Set<ScopeRoot>

    /// Creates an epoch.
    public init(number: UInt64, roots: Set<ScopeRoot>) {
        self.number = number
        self.roots = roots
    }
}
