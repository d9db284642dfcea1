import FieldbookModel

/// What a campaign member's response turns into.
public enum CampaignResponseFollowUp: Sendable, Equatable {
    /// Nothing: the response is only recorded.
    case none
    /// A lead (source campaign) for the contact's company, owned by the given user.
    case lead(owner: String?, followUp: CalendarDate?)
    /// A task for the given user, due on the date.
    case task(assignee: String?, due: CalendarDate?)
}
