import FieldbookModel
import FieldbookServerCore

/// Who may read which record through the office REST API: the one place the
/// per-record read decision is made (lists filter by it, single reads answer
/// 404 when it says no, so IDs of records out of scope do not leak).
///
/// For now office, admin and system read everything and every other role is
/// refused with 403. Per-rep scopes replace the refusal by
/// `SyncService.canRead(_:caller:)` once the core has it.
enum RecordReadAccess {
    /// Roles that read every record.
    static let readAll: Set<Role> = [.office, .admin, .system]

    /// Whether `identity` may see `record`.
    /// - Throws: ``RecordAPIError`` 403 `forbidden` for roles the REST reads
    ///   are not open to yet.
    static func canRead(_ record: StoredRecord, identity: AuthenticatedDevice, sync: SyncService) async throws -> Bool {
        try requireReader(identity)
        return true
    }

    /// Throws 403 unless `identity`'s role may read through this API at all;
    /// checked before any lookup so a refused role learns nothing.
    static func requireReader(_ identity: AuthenticatedDevice) throws {
        guard readAll.contains(identity.role) else {
            throw RecordAPIError.forbidden("reading records through this API is open to office and admin roles")
        }
    }
}
