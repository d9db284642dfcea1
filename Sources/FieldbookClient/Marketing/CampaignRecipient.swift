import FieldbookSync

/// One contact of a campaign's target group.
public struct CampaignRecipient: Sendable {
    /// The contact.
    public var contact: RecordState
    /// The contact's account (nil when it is not on this device).
    public var account: RecordState?
    /// The ID the contact's campaign member has (or will have).
    public var memberID: String
    /// The member's status when the contact was sent the campaign before (on
    /// this device or another, synced): nil when not a member or only selected.
    public var memberStatus: String?
    /// Whether a member record exists already (selected or sent).
    public var isMember: Bool
}

/// The outcome of a send run.
public struct CampaignSendResult: Sendable {
    /// Members created by this run (status sent).
    public var sent: [RecordState]
    /// Member IDs that existed before (sent earlier, here or on another device): left unchanged.
    public var alreadySent: [String]
    /// The template used (nil when the campaign has none).
    public var template: CampaignTemplate?
}
