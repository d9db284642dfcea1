import FieldbookModel
import FieldbookServerCore

/// Who may read which record through the office REST API: the one place the
/// per-record read decision is made (lists filter by it, single reads answer
/// 404 when it says no, so IDs of records out of scope do not leak).
///
/// Every authenticated role may use the API; what it sees is its sync scope
/// (SYNC.md §11.5.1): office, admin and system everything, managers their
/// team's accounts, reps their territories' and their own accounts, each
/// with what hangs off them, plus shared data.
struct RecordReadAccess: Sendable {
    /// The caller.
    let identity: AuthenticatedDevice
    /// The caller's scope, computed once per request.
    let scope: CallerScope
    /// The service that resolves record roots.
    let sync: SyncService

    /// The read check for one request of `identity`.
    static func of(_ identity: AuthenticatedDevice, sync: SyncService) async throws -> RecordReadAccess {
        RecordReadAccess(identity: identity, scope: try await sync.scope(of: identity.caller), sync: sync)
    }

    /// Whether the caller may see `record`.
    func canRead(_ record: StoredRecord) async throws -> Bool {
        try await sync.canRead(record.state, caller: identity.caller, scope: scope)
    }
}
