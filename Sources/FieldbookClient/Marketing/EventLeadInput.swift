import FieldbookModel

/// A lead captured at an event: who and what, plus the owning rep.
public struct EventLeadInput: Sendable {
    /// Company name as given.
    public var company: String?
    /// First name.
    public var firstName: String?
    /// Last name.
    public var lastName: String?
    /// E-mail address.
    public var email: String?
    /// Phone number.
    public var phone: String?
    /// What the visitor asked about.
    public var description: String?
    /// The owning rep (required: open leads always have an owner).
    public var owner: String?
    /// Next follow-up date (default: the day after capture).
    public var followUp: CalendarDate?
    /// The known contact the lead came from: their registration is marked attended and linked.
    public var contact: String?

    /// Creates the input.
    public init(
        company: String? = nil, firstName: String? = nil, lastName: String? = nil, email: String? = nil,
        phone: String? = nil, description: String? = nil, owner: String? = nil, followUp: CalendarDate? = nil,
        contact: String? = nil
    ) {
        (self.company, self.firstName, self.lastName, self.email, self.phone) = (company, firstName, lastName, email, phone)
        (self.description, self.owner, self.followUp, self.contact) = (description, owner, followUp, contact)
    }
}
