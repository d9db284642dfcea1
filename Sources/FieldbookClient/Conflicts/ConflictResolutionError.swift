import FieldbookSync

/// Why a conflict could not be resolved as asked. Messages name conflict IDs
/// (record ID and slot) and dots, never field values.
public enum ConflictResolutionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No open conflict has this ID (it never existed or is already resolved).
    case notFound(id: String)
    /// The dot given to ``ConflictChoice/keep(_:)`` is not a side of the conflict.
    case unknownSide(conflict: String, dot: Dot)
    /// The choice does not fit the kind of conflict, e.g. a new value for a delete/edit conflict.
    case choiceDoesNotApply(conflict: String, reason: String)

    public var description: String {
        switch self {
        case .notFound(let id): "no open conflict \(id)"
        case .unknownSide(let conflict, let dot): "\(dot) is not a side of conflict \(conflict)"
        case .choiceDoesNotApply(let conflict, let reason): "conflict \(conflict): \(reason)"
        }
    }
}
