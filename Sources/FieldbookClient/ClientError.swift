import FieldbookModel
import FieldbookSync

/// Errors from the client core. Messages name records, entities and fields
/// but never field values (no customer data in logs).
public enum ClientError: Error, Sendable, CustomStringConvertible {
    /// No record with this ID exists locally.
    case recordNotFound(id: String)
    /// The record exists but is of another entity.
    case wrongEntity(id: String, expected: String, found: String)
    /// The entity is not in the schema.
    case unknownEntity(String)
    /// The change broke schema or business rules; nothing was written.
    case validationFailed(entity: String, record: String, issues: [ValidationIssue])
    /// The sync core refused the change.
    case sync(SyncError)
    /// The database file belongs to a newer Fieldbook.
    case databaseTooNew(found: Int, supported: Int)
    /// Stored data could not be decoded.
    case corruptRecord(id: String, reason: String)

    public var description: String {
        switch self {
        case .recordNotFound(let id): "no record \(id)"
        case .wrongEntity(let id, let expected, let found): "record \(id) is a \(found), not a \(expected)"
        case .unknownEntity(let name): "unknown entity '\(name)'"
        case .validationFailed(let entity, let record, let issues):
            "\(entity) \(record) not saved: " + issues.filter { $0.severity == .error }.map(\.message).joined(separator: "; ")
        case .sync(let error): error.description
        case .databaseTooNew(let found, let supported):
            "database schema \(found) is newer than this Fieldbook supports (\(supported)); update Fieldbook"
        case .corruptRecord(let id, let reason): "stored record \(id) is unreadable: \(reason)"
        }
    }
}
