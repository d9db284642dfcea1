import FieldbookModel
import FieldbookSync
import GRDB

/// Typed records: read, list, save and delete ``EntityRecord`` values
/// without slots or SQL.
///
/// ```swift
/// var account = Account(name: "Müller Maschinenbau GmbH", roles: [.customer])
/// account = try database.save(account)
/// account.phone = "+49 711 123456"
/// account = try database.save(account)            // writes only `phone`
/// let contacts = try database.all(Contact.self, where: "account", equals: account.id)
/// ```
extension ClientDatabase {
    /// The typed record `id`; nil when absent, or deleted unless `includingDeleted`.
    /// - Throws: ``ClientError/wrongEntity(id:expected:found:)`` when `id` is
    ///   a record of another entity; ``ClientError/corruptRecord(id:reason:)``
    ///   when a stored value cannot be read as its field's type.
    public func record<T: EntityRecord>(_ type: T.Type, id: String, includingDeleted: Bool = false) throws -> T? {
        try read { db in try T.fetch(id, includingDeleted: includingDeleted, in: db) }
    }

    /// Every live (not deleted) record of `type`, in its ``EntityRecord/defaultOrder``.
    /// - Throws: ``ClientError/corruptRecord(id:reason:)`` when a record cannot be read.
    public func all<T: EntityRecord>(_ type: T.Type) throws -> [T] {
        try read { db in try self.all(type, in: db) }
    }

    /// ``all(_:)`` inside an observation or transaction.
    public func all<T: EntityRecord>(_ type: T.Type, in db: Database) throws -> [T] {
        try ProjectionQuery.records(T.entity, orderBy: Self.order(of: T.self), in: db).map(T.decode)
    }

    /// The live records of `type` whose scalar field `field` holds `value`
    /// (a reference, a status, a date…), in the type's default order:
    /// the contacts of an account, the open opportunities.
    ///
    /// ```swift
    /// let contacts = try database.all(Contact.self, where: "account", equals: accountID)
    /// let open = try database.all(Opportunity.self, where: "status", equals: Opportunity.Status.open)
    /// ```
    /// - Throws: a GRDB `DatabaseError` when `field` is not a scalar field of
    ///   the entity (set and list fields have no column);
    ///   ``ClientError/corruptRecord(id:reason:)``.
    public func all<T: EntityRecord>(_ type: T.Type, where field: String, equals value: some FieldValue) throws -> [T] {
        try read { db in try self.all(type, where: field, equals: value, in: db) }
    }

    /// ``all(_:where:equals:)`` inside an observation or transaction.
    public func all<T: EntityRecord>(
        _ type: T.Type, where field: String, equals value: some FieldValue, in db: Database
    ) throws -> [T] {
        let stored = value.storedValue(for: registry.entity(T.entity)?.field(field)?.kind)
        return try ProjectionQuery.records(
            T.entity, where: "\(field.quotedDatabaseIdentifier) = ?", arguments: [Self.databaseValue(stored)],
            orderBy: Self.order(of: T.self), in: db
        ).map(T.decode)
    }

    /// Saves a typed record in its own transaction; see
    /// ``LocalTransaction/save(_:)``. Use the returned value for the next
    /// edit: it is the base the next save compares with.
    ///
    /// ```swift
    /// var contact = try database.record(Contact.self, id: contactID)!
    /// contact.mobile = "+49 170 1234567"
    /// contact = try database.save(contact)     // one change, one field
    /// ```
    /// - Throws: ``ClientError/validationFailed(entity:record:issues:)`` and
    ///   the errors of ``LocalTransaction/save(_:)``.
    @discardableResult
    public func save<T: EntityRecord>(_ record: T) throws -> T {
        try write { transaction in try transaction.save(record) }
    }

    /// Deletes a typed record in its own transaction (a tombstone that syncs).
    /// - Throws: ``ClientError/recordNotFound(id:)`` when absent or already deleted.
    public func delete<T: EntityRecord>(_ record: T) throws {
        try write { transaction in try transaction.delete(record) }
    }

    /// Deletes the record `id` of `type` in its own transaction.
    /// - Throws: ``ClientError/recordNotFound(id:)`` when absent or already deleted,
    ///   ``ClientError/wrongEntity(id:expected:found:)``.
    public func delete<T: EntityRecord>(_ type: T.Type, id: String) throws {
        try write { transaction in try transaction.delete(type, id: id) }
    }

    /// Restores the deleted record `id` of `type` with the values it had.
    @discardableResult
    public func restore<T: EntityRecord>(_ type: T.Type, id: String) throws -> T {
        try write { transaction in try transaction.restore(type, id: id) }
    }

    /// `ORDER BY` terms for a record type's default order.
    static func order<T: EntityRecord>(of type: T.Type) -> String? {
        T.defaultOrder.isEmpty ? nil : T.defaultOrder.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
    }

    /// A stored value as the projection column holds it.
    static func databaseValue(_ value: Value) -> DatabaseValue {
        switch value {
        case .null: .null
        case .bool(let flag): flag.databaseValue
        case .int(let number): number.databaseValue
        case .text(let text): text.databaseValue
        }
    }
}
