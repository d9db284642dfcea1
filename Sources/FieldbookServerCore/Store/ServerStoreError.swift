import FieldbookSync

/// Why a store refused a write or a read. Messages carry identifiers (dots,
/// record IDs, positions) and never record data.
public enum ServerStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The dot was decided meanwhile (another push of the same replica won the race).
    case dotAlreadyDecided(Dot)
    /// The dot is not the replica's next undecided counter.
    case counterNotNext(Dot, decidedThrough: UInt64)
    /// The record moved on (or was created or purged) since it was read.
    case recordChanged(record: String, expected: LogPosition?)
    /// The log before `requested` was dropped by compaction.
    case logCompacted(requested: LogPosition, floor: LogPosition)
    /// The backend failed (connection lost, disk full, …); the operation may be retried.
    case unavailable(reason: String)

    public var description: String {
        switch self {
        case .dotAlreadyDecided(let dot): "dot \(dot) is already decided"
        case .counterNotNext(let dot, let through): "dot \(dot) is not next: counters are decided through \(through)"
        case .recordChanged(let record, let expected):
            "record \(record) is no longer at revision \(expected.map(\.description) ?? "none")"
        case .logCompacted(let requested, let floor): "log position \(requested) is below the compacted floor \(floor)"
        case .unavailable(let reason): "store unavailable: \(reason)"
        }
    }
}
