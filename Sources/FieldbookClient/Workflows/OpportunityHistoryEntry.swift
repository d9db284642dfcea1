import FieldbookModel
import FieldbookSync

/// One entry of an opportunity's history: a phase change or its closing,
/// stored as a `note` activity linked to the opportunity.
///
/// Every change is its own activity record with its own ID, so phase
/// changes made on several devices offline all stay in the history after
/// sync; the opportunity's `phase` field itself merges like any field (the
/// latest change by hybrid time wins everywhere, a different concurrent
/// value stays a visible conflict).
public struct OpportunityHistoryEntry: Hashable, Sendable {
    /// What happened.
    public enum Kind: String, Hashable, Sendable {
        /// The phase changed.
        case phase
        /// The opportunity was closed as won, lost or cancelled.
        case close
    }

    /// `generatedBy` of phase-change activities.
    public static let phaseMarker = "opportunity/phase"
    /// `generatedBy` of closing activities.
    public static let closeMarker = "opportunity/close"

    /// The activity's ID.
    public var activity: String
    /// What happened.
    public var kind: Kind
    /// When (the device's clock when it was recorded).
    public var at: UTCDateTime?
    /// Phase ID (or closing status) before.
    public var from: String?
    /// Phase ID (or closing status) after.
    public var to: String?
    /// The activity's subject, e.g. `Phase: Proposal → Negotiation`.
    public var subject: String
    /// Who recorded it (user ID), when known.
    public var owner: String?
    /// The hybrid time the entry was written: orders entries of the same
    /// second the same way on every replica.
    public var recorded: HybridTimestamp

    /// History order: by ``at``, then ``recorded``, then activity ID.
    public static func precedes(_ lhs: Self, _ rhs: Self) -> Bool {
        (lhs.at?.description ?? "", lhs.recorded, lhs.activity) < (rhs.at?.description ?? "", rhs.recorded, rhs.activity)
    }

    /// Reads a history activity; nil for other activities.
    public init?(activity: RecordState) {
        let marker = activity.value("generatedBy")?.text
        switch marker {
        case Self.phaseMarker: kind = .phase
        case Self.closeMarker: kind = .close
        default: return nil
        }
        self.activity = activity.id
        at = activity.value("occurredAt")?.dateTime
        subject = activity.value("subject")?.text ?? ""
        owner = activity.value("owner")?.text
        recorded = activity.slots[.field("generatedBy")]?.winner?.time ?? .zero
        let details = Self.details(activity.value("description")?.text ?? "")
        from = details["from"]
        to = details["to"]
    }

    /// The machine-readable lines of the description (`from=…`, `to=…`).
    static func describe(from: String?, to: String, note: String?) -> String {
        var lines = ["to=\(to)"]
        if let from { lines.insert("from=\(from)", at: 0) }
        if let note, !note.isEmpty { lines.append(note) }
        return lines.joined(separator: "\n")
    }

    private static func details(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for line in text.split(separator: "\n").prefix(2) {
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = String(line[..<equals])
            if key == "from" || key == "to" { result[key] = String(line[line.index(after: equals)...]) }
        }
        return result
    }
}
