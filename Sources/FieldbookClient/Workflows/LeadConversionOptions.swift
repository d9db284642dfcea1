import FieldbookModel

/// Choices for ``ClientDatabase/convertLead(_:options:)``.
///
/// ```swift
/// var options = LeadConversionOptions()
/// options.existingAccount = suggestions.first?.account   // link instead of creating
/// options.amount = DecimalNumber(unchecked: "25000.00")
/// let result = try database.convertLead(leadID, options: options)
/// ```
public struct LeadConversionOptions: Sendable, Hashable {
    /// Link this existing account instead of creating one (see
    /// ``ClientDatabase/accountSuggestions(forLead:)``).
    public var existingAccount: String?
    /// Name of the opportunity; default: the lead's company or last name.
    public var opportunityName: String?
    /// Expected amount of the opportunity.
    public var amount: DecimalNumber?
    /// Expected close date of the opportunity.
    public var expectedCloseDate: CalendarDate?
    /// Owner of the new records; default: the lead's owner.
    public var owner: String?

    /// Options with every choice at its default.
    public init(
        existingAccount: String? = nil, opportunityName: String? = nil, amount: DecimalNumber? = nil,
        expectedCloseDate: CalendarDate? = nil, owner: String? = nil
    ) {
        self.existingAccount = existingAccount
        self.opportunityName = opportunityName
        self.amount = amount
        self.expectedCloseDate = expectedCloseDate
        self.owner = owner
    }
}
