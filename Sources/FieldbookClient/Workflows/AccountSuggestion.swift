/// An existing account that may be the company behind a lead, found by
/// ``ClientDatabase/accountSuggestions(forLead:)``.
public struct AccountSuggestion: Hashable, Sendable {
    /// Why an account was suggested.
    public enum Reason: String, Hashable, Sendable, CaseIterable, Comparable {
        /// The account's name matches the lead's company (case, accents and legal form ignored).
        case name
        /// The account or one of its contacts has the lead's e-mail address.
        case email
        /// The account or one of its contacts has the lead's phone number (digits compared).
        case phone

        public static func < (lhs: Reason, rhs: Reason) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// The account's ID (pass it as ``LeadConversionOptions/existingAccount``).
    public var account: String
    /// The account's name.
    public var name: String
    /// What matched, in the order name, email, phone.
    public var reasons: [Reason]
}
