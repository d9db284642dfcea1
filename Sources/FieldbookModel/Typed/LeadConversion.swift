import FieldbookSync

/// The records a lead converts into, with IDs derived from the lead's ID.
///
/// Two reps converting the same lead offline derive the same account,
/// contact and opportunity IDs, so their conversions merge into one set of
/// records instead of duplicates (equal values written concurrently are no
/// conflict). Converting into an existing account uses that account's ID
/// instead of ``account``.
///
/// ```swift
/// let ids = LeadConversion(lead: leadID)
/// builder.set("convertedOpportunity", to: .text(ids.opportunity))
/// ```
public struct LeadConversion: Hashable, Sendable {
    /// Role strings hashed with the lead ID (see ``DerivedID``). Never change them.
    public enum DerivationRole {
        /// Role of the derived account.
        public static let account = "lead-conversion/account"
        /// Role of the derived contact.
        public static let contact = "lead-conversion/contact"
        /// Role of the derived opportunity.
        public static let opportunity = "lead-conversion/opportunity"
    }

    /// The lead converted.
    public let lead: String
    /// ID of the account created by the conversion.
    public let account: String
    /// ID of the contact created by the conversion.
    public let contact: String
    /// ID of the opportunity created by the conversion.
    public let opportunity: String

    /// Derives the conversion's record IDs from the lead's ID.
    public init(lead: String) {
        self.lead = lead
        self.account = DerivedID.make(from: lead, role: DerivationRole.account)
        self.contact = DerivedID.make(from: lead, role: DerivationRole.contact)
        self.opportunity = DerivedID.make(from: lead, role: DerivationRole.opportunity)
    }
}
