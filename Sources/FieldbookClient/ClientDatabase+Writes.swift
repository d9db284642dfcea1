import FieldbookModel
import FieldbookSync
import Foundation
import GRDB

extension ClientDatabase {
    /// Runs `body` in one write transaction: all its edits and their outbox
    /// entries commit together, or — if it throws — none of them.
    @discardableResult
    public func write<T: Sendable>(_ body: (inout LocalTransaction) throws -> T) throws -> T {
        try writer.write { db in
            var transaction = try LocalTransaction(db: db, database: self)
            let result = try body(&transaction)
            try transaction.finish()
            return result
        }
    }

    /// Edits (or creates) one record in its own transaction.
    ///
    /// ```swift
    /// let id = ClientDatabase.newRecordID()
    /// try database.edit("contact", id) { change in
    ///     change.set("lastName", to: "Schmidt")
    ///     change.set("account", to: .text(accountID))
    /// }
    /// ```
    @discardableResult
    public func edit(_ entity: String, _ id: String, _ body: (inout ChangeBuilder) throws -> Void) throws -> RecordState {
        try writer.write { db in
            var transaction = try LocalTransaction(db: db, database: self)
            let state = try transaction.edit(entity, id, body)
            try transaction.finish()
            return state
        }
    }

    /// A new random record ID (a lowercase UUID).
    public static func newRecordID() -> String { UUID().uuidString.lowercased() }

    /// The validator used for local writes: unknown fields are refused, and
    /// fields reserved to the server (e.g. final offer numbers) are read-only.
    var validator: SchemaValidator { validator(role: .rep) }

    /// The validator of local writes made on behalf of `role`.
    func validator(role: Role) -> SchemaValidator {
        SchemaValidator(registry: registry, options: ValidationOptions(unknownFields: .reject, role: role))
    }

    /// Runs `body` in one write transaction validated with the permissions of
    /// `role` — the signed-in user's role, for back-office work such as
    /// importing products on an office workstation. The server checks the
    /// pushing user's role again, so this never grants more than the user has.
    @discardableResult
    public func write<T: Sendable>(as role: Role, _ body: (inout LocalTransaction) throws -> T) throws -> T {
        try writer.write { db in
            var transaction = try LocalTransaction(db: db, database: self, role: role)
            let result = try body(&transaction)
            try transaction.finish()
            return result
        }
    }
}
