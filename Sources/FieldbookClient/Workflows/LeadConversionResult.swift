import FieldbookSync

/// What ``ClientDatabase/convertLead(_:options:)`` wrote, each record as stored.
public struct LeadConversionResult: Sendable {
    /// The lead, now qualified and linked to what it became.
    public var lead: RecordState
    /// The account created (or the existing one linked).
    public var account: RecordState
    /// Whether the account was created by this conversion (false: an existing one was linked).
    public var createdAccount: Bool
    /// The contact created; nil when the lead had no last name (a contact needs one).
    public var contact: RecordState?
    /// The opportunity created.
    public var opportunity: RecordState
}
