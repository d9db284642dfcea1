/// Errors raised by the sync core. Messages name the problem and the
/// identifiers involved but never field values (no customer data in logs).
public enum SyncError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A replica ID is empty, longer than 64 bytes or uses other characters.
    case invalidReplicaID(String)
    /// A timestamp lies too far in the future of the receiver's clock.
    case clockDriftExceeded(remoteMillis: UInt64, localMillis: UInt64, maxDrift: UInt64)
    /// A slot name does not follow the slot grammar.
    case invalidSlot(String)
    /// A change was applied to a record of another entity type.
    case entityMismatch(record: String, expected: String, found: String)
    /// A change's record ID does not match the record it is applied to.
    case recordMismatch(expected: String, found: String)
    /// A change is structurally invalid (empty, duplicate slots, …).
    case invalidChange(dot: Dot, reason: String)

    public var description: String {
        switch self {
        case .invalidReplicaID(let text):
            "invalid replica ID (\(text.utf8.count) bytes): expected 1–64 characters from A–Z a–z 0–9 _ -"
        case .clockDriftExceeded(let remote, let local, let drift):
            "timestamp \(remote) ms is more than \(drift) ms ahead of local clock \(local) ms"
        case .invalidSlot(let slot):
            // Only the field part: element segments can hold customer data.
            "invalid slot in field '\(slot.prefix { $0 != "/" }.prefix(64))'"
        case .entityMismatch(let record, let expected, let found):
            "record \(record) is a \(expected), change says \(found)"
        case .recordMismatch(let expected, let found):
            "change for record \(found) applied to record \(expected)"
        case .invalidChange(let dot, let reason):
            "invalid change \(dot): \(reason)"
        }
    }
}
