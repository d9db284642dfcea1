/// Why a campaign, event or competitor step was refused. Nothing is written
/// when one is thrown. Messages name records and placeholders, never
/// customer values.
public enum MarketingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A template uses placeholders that name no known field.
    case unknownPlaceholders(template: String, placeholders: [String])
    /// The campaign has no template (of that name).
    case templateNotFound(campaign: String, name: String?)
    /// A target criterion names an unknown value (e.g. ABC class "D").
    case invalidCriterion(String)
    /// The campaign member is in a state the step cannot leave.
    case memberStatus(member: String, status: String, step: String)
    /// The member's response already became a lead or task.
    case responseAlreadyHandled(member: String, record: String)
    /// A lead from an event needs a company or a last name.
    case leadUnnamed
    /// The registration's step is not allowed from its status.
    case registrationStatus(registration: String, status: String, step: String)

    public var description: String {
        switch self {
        case .unknownPlaceholders(let template, let placeholders):
            "template \(template) uses unknown placeholders: " + placeholders.map { "{{\($0)}}" }.joined(separator: ", ")
        case .templateNotFound(let campaign, let name):
            "campaign \(campaign) has no template" + (name.map { " named \($0)" } ?? "")
        case .invalidCriterion(let message):
            message
        case .memberStatus(let member, let status, let step):
            "campaign member \(member) is \(status); cannot \(step)"
        case .responseAlreadyHandled(let member, let record):
            "the response of campaign member \(member) already became \(record)"
        case .leadUnnamed:
            "a lead needs a company or a last name"
        case .registrationStatus(let registration, let status, let step):
            "event registration \(registration) is \(status); cannot \(step)"
        }
    }
}
