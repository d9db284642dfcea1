import FieldbookSync

/// Record IDs the marketing workflows derive instead of inventing, so two
/// replicas doing the same thing offline write the *same* record: one
/// campaign member per campaign and contact, one event registration per
/// event and contact.
public enum MarketingIDs {
    /// The campaign member of `contact` in `campaign`.
    public static func campaignMember(campaign: String, contact: String) -> String {
        DerivedID.make(from: campaign + "\n" + contact, role: "campaign/member")
    }

    /// The registration of `contact` for `event`.
    public static func eventRegistration(event: String, contact: String) -> String {
        DerivedID.make(from: event + "\n" + contact, role: "event/registration")
    }
}
