import FieldbookModel
import FieldbookSync
import GRDB

extension LocalTransaction {
    /// The typed record `id`, including edits made in this transaction; nil
    /// when absent, or deleted unless `includingDeleted`.
    /// - Throws: ``ClientError/wrongEntity(id:expected:found:)`` when `id` is
    ///   a record of another entity; ``ClientError/corruptRecord(id:reason:)``
    ///   when a stored value cannot be read as its field's type.
    public func record<T: EntityRecord>(_ type: T.Type, id: String, includingDeleted: Bool = false) throws -> T? {
        try T.fetch(id, includingDeleted: includingDeleted, in: db)
    }

    /// Saves a typed record — creating it, or writing the fields that differ
    /// from the values it was read with (see ``RecordMetadata``) — validated
    /// like every write and queued for sync with the rest of the transaction.
    /// Saving an unchanged record writes nothing.
    ///
    /// ```swift
    /// try database.write { transaction in
    ///     let saved = try transaction.save(Account(name: "Müller GmbH"))
    ///     try transaction.save(Contact(account: saved.id, lastName: "Schmidt"))
    /// }
    /// ```
    /// - Returns: the record as stored, the base for its next save.
    /// - Throws: ``ClientError/validationFailed(entity:record:issues:)``;
    ///   ``ClientError/recordNotFound(id:)`` when the record was deleted
    ///   (restore it first); ``ClientError/wrongEntity(id:expected:found:)``.
    @discardableResult
    public mutating func save<T: EntityRecord>(_ record: T) throws -> T {
        let schema = try database.schema(T.entity)
        var record = record
        if try self.record(record.id) == nil { try record.willInsert(in: self) }
        let state = try edit(T.entity, record.id) { builder in try record.writeSave(into: &builder, schema: schema) }
        return try T.decode(state)
    }

    /// Deletes a typed record (a tombstone that syncs; see ``restore(_:id:)``).
    /// - Throws: ``ClientError/recordNotFound(id:)`` when absent or already deleted.
    public mutating func delete<T: EntityRecord>(_ record: T) throws {
        try delete(T.self, id: record.id)
    }

    /// Deletes the record `id` of `type`.
    /// - Throws: ``ClientError/recordNotFound(id:)`` when absent or already deleted,
    ///   ``ClientError/wrongEntity(id:expected:found:)``.
    public mutating func delete<T: EntityRecord>(_ type: T.Type, id: String) throws {
        guard let stored = try record(id), !stored.isDeleted else { throw ClientError.recordNotFound(id: id) }
        guard stored.entity == T.entity else {
            throw ClientError.wrongEntity(id: id, expected: T.entity, found: stored.entity)
        }
        try delete(T.entity, id)
    }

    /// Restores a deleted record with the values it had, and returns it.
    /// - Throws: ``ClientError/recordNotFound(id:)`` when absent,
    ///   ``ClientError/wrongEntity(id:expected:found:)``.
    @discardableResult
    public mutating func restore<T: EntityRecord>(_ type: T.Type, id: String) throws -> T {
        guard let stored = try record(id) else { throw ClientError.recordNotFound(id: id) }
        guard stored.entity == T.entity else {
            throw ClientError.wrongEntity(id: id, expected: T.entity, found: stored.entity)
        }
        guard stored.isDeleted else { return try T.decode(stored) }
        return try T.decode(try edit(T.entity, id) { $0.restore() })
    }
}

extension EntityRecord {
    /// Writes this record into `builder` as a save does. The builder's state
    /// is the record as stored now: the fields written are those that differ
    /// from the values this record was read with or, for a value built in
    /// code, from the stored ones (none stored: every field set).
    /// - Throws: ``ClientError/recordNotFound(id:)`` when the stored record is
    ///   deleted (saving would edit a tombstone the user no longer sees).
    func writeSave(into builder: inout ChangeBuilder, schema: EntitySchema) throws {
        let stored = builder.state
        if stored.isDeleted { throw ClientError.recordNotFound(id: id) }
        let base: Self?
        if !stored.exists {
            base = nil
        } else if let original = metadata.original as? Self, original.id == id {
            base = original
        } else {
            base = try Self.decode(stored)
        }
        try write(to: &builder, comparedTo: base, schema: schema)
        if base != nil, let seen = metadata.seenState, seen.id == id { builder.limitSupersedes(toEntriesOf: seen) }
    }

    /// Reads a stored state, reporting unreadable values as a corrupt record.
    static func decode(_ state: RecordState) throws(ClientError) -> Self {
        do { return try Self(state: state) } catch {
            throw .corruptRecord(id: state.id, reason: error.description)
        }
    }

    /// The record `id` from `db`; nil when absent or (unless asked) deleted.
    static func fetch(_ id: String, includingDeleted: Bool, in db: Database) throws -> Self? {
        guard let state = try RecordRow.fetch(id, in: db) else { return nil }
        guard state.entity == entity else {
            throw ClientError.wrongEntity(id: id, expected: entity, found: state.entity)
        }
        guard includingDeleted || !state.isDeleted else { return nil }
        return try decode(state)
    }
}
