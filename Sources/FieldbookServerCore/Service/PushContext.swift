import FieldbookModel
import FieldbookProtocol
import FieldbookSync

/// What every change of one push is decided against.
struct PushContext: Sendable {
    /// The pushing replica (the request's `replica`).
    var replica: ReplicaID
    /// Who pushes.
    var caller: SyncCaller
    /// Validates against the client's schema version with the caller's role.
    var validator: SchemaValidator
    /// The stability frontier when the push started (it only grows, so an
    /// older value is always safe to use).
    var stable: VersionVector
    /// What the caller may write now (``CallerScope/everything`` when scopes are off).
    var scope: CallerScope = .everything
    /// The roots the pushing replica was last served at: a record that left
    /// the scope since is still writable (SYNC.md §11.5).
    var servedRoots: Set<ScopeRoot> = []
}

/// How one attempt at deciding a change ended.
enum DecisionAttempt: Sendable {
    /// Decided (or, for `counter_gap`, answered without recording).
    case decided(ChangeResult)
    /// The store moved underneath (record revision, dot decided meanwhile): evaluate again.
    case retry
}
