import FieldbookSync

/// Which of a contact's opt-out flags (`noMail`, `noEmail`, `noCall`) a
/// campaign channel respects: a letter campaign skips `noMail`, an e-mail
/// campaign `noEmail`, a call campaign `noCall`; event, mixed and unknown
/// channels skip a contact with any of them. Opting out of a campaign sets
/// the same flags, so the next target group leaves the contact out.
public enum CampaignOptOut {
    /// The contact flags for `channel` (the campaign's `channel` value).
    public static func flags(forChannel channel: String?) -> [String] {
        switch channel {
        case "letter": ["noMail"]
        case "email": ["noEmail"]
        case "call": ["noCall"]
        default: ["noMail", "noEmail", "noCall"]
        }
    }

    /// Whether `contact` opted out of `channel`.
    public static func hasOptedOut(_ contact: RecordState, channel: String?) -> Bool {
        flags(forChannel: channel).contains { contact.value($0) == .bool(true) }
    }
}
