/// Why a lead or opportunity workflow step was refused. Nothing is written
/// when one is thrown. Messages name records and states, never field values.
public enum WorkflowError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The lead was converted before (into the opportunity named).
    case leadAlreadyConverted(lead: String, opportunity: String?)
    /// A disqualified lead must be reopened (status in_progress) before it converts.
    case leadDisqualified(lead: String)
    /// The step needs a non-empty reason (disqualifying a lead, closing an opportunity).
    case reasonRequired(record: String, step: String)
    /// The opportunity is closed (won, lost or cancelled); reopen it first (won is final).
    case opportunityClosed(opportunity: String, status: String)
    /// The phase is not one of the pipeline's phases.
    case unknownPhase(phase: String, pipeline: String, known: [String])
    /// The account chosen for a conversion does not exist (or is deleted).
    case accountNotFound(account: String)
    /// A lead needs a company or a last name to convert.
    case leadUnnamed(lead: String)

    public var description: String {
        switch self {
        case .leadAlreadyConverted(let lead, let opportunity):
            "lead \(lead) is already converted" + (opportunity.map { " (opportunity \($0))" } ?? "")
        case .leadDisqualified(let lead):
            "lead \(lead) is disqualified; reopen it (status in_progress) before converting"
        case .reasonRequired(let record, let step):
            "\(step) \(record) needs a reason"
        case .opportunityClosed(let opportunity, let status):
            "opportunity \(opportunity) is \(status)" + (status == "won" ? " (final)" : "; reopen it first")
        case .unknownPhase(let phase, let pipeline, let known):
            "pipeline \(pipeline) has no phase '\(phase)'; phases: \(known.joined(separator: ", "))"
        case .accountNotFound(let account):
            "no account \(account) on this device"
        case .leadUnnamed(let lead):
            "lead \(lead) has neither a company nor a last name"
        }
    }
}
