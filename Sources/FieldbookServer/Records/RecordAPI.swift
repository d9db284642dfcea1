import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookSync
import HTTPTypes
import Logging

/// The office REST API's operations, independent of HTTP routing: reads
/// from the server store, writes as server-authored changes
/// (``FieldbookServerCore/SyncService/author(_:_:caller:_:)``), so every
/// office edit is validated with the caller's role, logged, and pulled by
/// every replica like any other change.
struct RecordAPI: Sendable {
    /// Records examined per store read while listing.
    static let scanBatch = 500
    /// Records examined at most per list request; a page cut short by this
    /// bound still carries `next`, so listing a rare entity stays bounded work.
    static let maxScanned = 20_000

    let sync: SyncService
    let logger: Logger
    /// The newest schema served: what authored changes are validated against.
    let registry: SchemaRegistry

    init(sync: SyncService, logger: Logger) {
        self.sync = sync
        self.logger = logger
        let catalog = sync.configuration.schemas
        registry = catalog.versions.last.flatMap(catalog.registry(for:)) ?? .standard
    }

    /// The schema of `entity`, or 404.
    func schema(_ entity: String) throws(RecordAPIError) -> EntitySchema {
        guard let schema = registry.entity(entity) else { throw RecordAPIError.notFound("no entity \(entity)") }
        return schema
    }

    // MARK: Reads

    /// A page of live, readable records of `entity` matching `query`, and the
    /// ID to continue after (nil on the last page).
    func list(_ entity: String, query: RecordListQuery, identity: AuthenticatedDevice) async throws -> (
        records: [StoredRecord], next: String?
    ) {
        let schema = try schema(entity)
        let access = try await RecordReadAccess.of(identity, sync: sync)
        var after = query.after
        var page: [StoredRecord] = []
        var scanned = 0
        while true {
            let batch = try await sync.store.records(after: after, limit: Self.scanBatch)
            for record in batch {
                scanned += 1
                after = record.id
                guard record.state.entity == entity, !record.state.isDeleted,
                    query.matches(record.state, schema: schema),
                    try await access.canRead(record)
                else { continue }
                page.append(record)
                if page.count > query.limit {
                    page.removeLast()
                    return (page, page.last?.id)
                }
            }
            if batch.count < Self.scanBatch { return (page, nil) }
            if scanned >= Self.maxScanned { return (page, after) }
        }
    }

    /// The record `id` of `entity`; 404 when absent, of another entity,
    /// deleted (unless `includeDeleted`), purged or not readable by `identity`.
    func read(
        _ entity: String, _ id: String, identity: AuthenticatedDevice, includeDeleted: Bool = false
    ) async throws -> StoredRecord {
        _ = try schema(entity)
        let record = try await stored(entity, id, includeDeleted: includeDeleted)
        guard try await RecordReadAccess.of(identity, sync: sync).canRead(record) else {
            throw RecordAPIError.notFound("no \(entity) \(id)")
        }
        return record
    }

    // MARK: Writes

    /// Creates a record from a `{"id"?, "fields"}` body.
    /// - Returns: the record as stored after the change.
    func create(_ entity: String, body: [String: RecordJSONValue], identity: AuthenticatedDevice) async throws
        -> StoredRecord
    {
        let schema = try schema(entity)
        let edit = try RecordEdit(body: body, schema: schema, allowed: ["id"])
        try DirectoryFieldGuard.check(edit, entity: entity)
        let id: String
        if let given = body["id"] {
            guard let text = given.stringValue, RecordID.isWellFormed(text) else {
                throw RecordAPIError.invalidRequest("id must be a record ID (1–128 of A–Z a–z 0–9 _ - . :)")
            }
            id = text
        } else {
            id = RecordEdit.newID()
        }
        guard !edit.isEmpty else { throw RecordAPIError.invalidRequest("a new record needs at least one field") }
        let taken = RecordAPIError(.conflict, .alreadyExists, "the ID \(id) is already taken")
        if try await sync.store.record(id) != .absent { throw taken }
        let authored = try await sync.author(entity, id, caller: identity.caller) { builder in
            guard !builder.state.exists else { throw taken }
            try edit.apply(to: &builder)
            RecordDerivedValues.update(&builder, entity: entity)
        }
        // Only nulls (clearing fields a new record does not have): nothing was written.
        guard let authored else { throw RecordAPIError.invalidRequest("a new record needs at least one field with a value") }
        try check(authored, entity: entity, id: id)
        return try await stored(entity, id, includeDeleted: true)
    }

    /// Edits a record with a `{"fields", "add", "remove", "items"}` body; with
    /// `expectedVersion` only if the record is still at that version.
    func patch(
        _ entity: String, _ id: String, body: [String: RecordJSONValue], expectedVersion: UInt64?,
        identity: AuthenticatedDevice
    ) async throws -> StoredRecord {
        let schema = try schema(entity)
        let current = try await read(entity, id, identity: identity)
        let edit = try RecordEdit(body: body, schema: schema, allowed: ["add", "remove", "items"])
        try DirectoryFieldGuard.check(edit, entity: entity)
        try checkVersion(expectedVersion, of: current)
        let authored = try await sync.author(entity, id, caller: identity.caller) { builder in
            try Self.checkUnchanged(builder.state, since: current, versionChecked: expectedVersion != nil)
            try edit.apply(to: &builder)
            RecordDerivedValues.update(&builder, entity: entity)
        }
        try check(authored, entity: entity, id: id)
        return try await stored(entity, id, includeDeleted: true)
    }

    /// Deletes a record (a tombstone covering everything the server holds).
    func delete(_ entity: String, _ id: String, expectedVersion: UInt64?, identity: AuthenticatedDevice) async throws {
        try DirectoryFieldGuard.checkDelete(entity: entity)
        let current = try await read(entity, id, identity: identity)
        try checkVersion(expectedVersion, of: current)
        let authored = try await sync.author(entity, id, caller: identity.caller) { builder in
            try Self.checkUnchanged(builder.state, since: current, versionChecked: expectedVersion != nil)
            builder.delete()
        }
        try check(authored, entity: entity, id: id)
    }

    // MARK: Helpers

    /// The stored record `id` of `entity`, or 404.
    private func stored(_ entity: String, _ id: String, includeDeleted: Bool) async throws -> StoredRecord {
        guard RecordID.isWellFormed(id) else { throw RecordAPIError.invalidRequest("the ID is not a record ID") }
        guard let record = try await sync.store.record(id).record, record.state.entity == entity,
            includeDeleted || !record.state.isDeleted
        else { throw RecordAPIError.notFound("no \(entity) \(id)") }
        return record
    }

    private func checkVersion(_ expected: UInt64?, of record: StoredRecord) throws(RecordAPIError) {
        guard let expected, expected != record.revision.rawValue else { return }
        throw Self.versionMismatch(record)
    }

    private static func versionMismatch(_ record: StoredRecord) -> RecordAPIError {
        RecordAPIError(
            .preconditionFailed, .versionMismatch,
            "\(record.state.entity) \(record.id) changed since the version in If-Match; read it again"
        )
    }

    /// Inside the authoring closure: the record may have moved on since it
    /// was read. A deleted record is gone (404); with `If-Match` any change is a mismatch.
    private static func checkUnchanged(_ state: RecordState, since read: StoredRecord, versionChecked: Bool) throws {
        guard state.exists, !state.isDeleted else { throw RecordAPIError.notFound("no \(read.state.entity) \(read.id)") }
        if versionChecked, state != read.state { throw versionMismatch(read) }
    }

    /// Throws the API error for a rejected change and logs it (IDs and codes only).
    private func check(_ authored: AuthoredChange?, entity: String, id: String) throws(RecordAPIError) {
        guard let authored, authored.result.status == .rejected else { return }
        let code = authored.result.code ?? .invalidChange
        logger.info(
            "office change rejected",
            metadata: ["entity": "\(entity)", "record": "\(id)", "dot": "\(authored.change.dot)", "code": "\(code.rawValue)"]
        )
        throw RecordAPIError.rejected(code, reason: authored.result.reason ?? code.rawValue, record: id)
    }
}
