import FieldbookModel
import FieldbookSync
import GRDB

extension ClientDatabase {
    /// The live records of `type` now and after every committed change —
    /// local saves and sync alike — as an async sequence of typed arrays.
    ///
    /// ```swift
    /// for try await accounts in database.observeAll(Account.self) {
    ///     self.accounts = accounts
    /// }
    /// ```
    public func observeAll<T: EntityRecord>(_ type: T.Type) -> AsyncValueObservation<[T]> {
        observe { db in try self.all(type, in: db) }
    }

    /// The live records of `type` whose field `field` holds `value`, observed
    /// (see ``all(_:where:equals:)``): e.g. the contacts of an account.
    public func observeAll<T: EntityRecord, V: FieldValue>(
        _ type: T.Type, where field: String, equals value: V
    ) -> AsyncValueObservation<[T]> {
        observe { db in try self.all(type, where: field, equals: value, in: db) }
    }

    /// Record `id` of `type`, observed: nil while absent or once deleted (a
    /// detail screen can close itself).
    public func observe<T: EntityRecord>(_ type: T.Type, id: String) -> AsyncValueObservation<T?> {
        observe { db in try T.fetch(id, includingDeleted: false, in: db) }
    }
}
