import FieldbookSync

/// Why a rejected change could not be discarded. Messages name dots,
/// entities, records and fields, never values.
public enum DiscardError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The outbox holds no change with this dot.
    case notFound(Dot)
    /// The change is pending, not rejected: the server has not decided it yet.
    case notRejected(Dot)
    /// The values the change replaced in these fields came from the server
    /// and are not kept on this device. Set the fields to the values wanted
    /// (a fix), then discard again.
    case earlierValuesUnknown(dot: Dot, entity: String, record: String, fields: [String])
    /// Later rejected changes overwrote this one; discard them first (newest first).
    case laterRejectedChanges(dot: Dot, blocking: [Dot])

    public var description: String {
        switch self {
        case .notFound(let dot): "no change \(dot) in the outbox"
        case .notRejected(let dot): "change \(dot) is pending, not rejected; only rejected changes can be discarded"
        case .earlierValuesUnknown(let dot, let entity, let record, let fields):
            "cannot discard \(dot): the values it replaced in \(entity) \(record) (\(fields.joined(separator: ", "))) "
                + "are not kept on this device; set those fields to the values you want, then discard again"
        case .laterRejectedChanges(let dot, let blocking):
            "discard the later rejected changes \(blocking.map(\.description).joined(separator: ", ")) before \(dot)"
        }
    }
}
