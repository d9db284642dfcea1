import FieldbookModel
import FieldbookSync

/// An unqualified inquiry that converts into an account, a contact and an
/// opportunity (entity `lead`). Every open lead needs an owner and a
/// follow-up date; a disqualified one a reason.
///
/// ```swift
/// let lead = Lead(status: .new, companyName: "Weber AG", owner: userID, followUpDate: today.adding(days: 7))
/// try database.save(lead)
/// ```
public struct Lead: EntityRecord {
    /// The schema entity.
    public static let entity = "lead"
    /// ``ClientDatabase/all(_:)`` lists by `followUpDate` (ascending, empty first), then ID.
    public static let defaultOrder = ["followUpDate"]

    /// The record ID.
    public let id: String
    /// Where the lead came from.
    public var source: Source?
    /// Campaign that produced it (ID of a `campaign`).
    public var campaign: String?
    /// Event where it was met (ID of an `event`).
    public var event: String?
    /// What the inquiry is about.
    public var description: String?
    /// Company name (a company or a last name is required).
    public var companyName: String?
    /// First name.
    public var firstName: String?
    /// Last name.
    public var lastName: String?
    /// E-mail address.
    public var email: String?
    /// Phone number as typed.
    public var phone: String?
    /// Street and number.
    public var street: String?
    /// Postal code.
    public var postalCode: String?
    /// City.
    public var city: String?
    /// ISO 3166 country code, two letters.
    public var country: String?
    /// Workflow status (required): new → in progress → qualified or disqualified.
    public var status: Status
    /// Why it was disqualified (required then).
    public var disqualifyReason: String?
    /// Owning user (ID of a `user`; required while open).
    public var owner: String?
    /// Next follow-up (required while open).
    public var followUpDate: CalendarDate?
    /// Account created by the conversion (written once).
    public var convertedAccount: String?
    /// Contact created by the conversion (written once).
    public var convertedContact: String?
    /// Opportunity created by the conversion (written once).
    public var convertedOpportunity: String?
    /// When the lead was converted.
    public var convertedAt: UTCDateTime?
    /// Deletion and conflict state.
    public var metadata = RecordMetadata()

    /// Creates a lead; `status` is required.
    public init(
        id: String = ClientDatabase.newRecordID(), status: Status, source: Source? = nil,
        campaign: String? = nil, event: String? = nil, description: String? = nil, companyName: String? = nil,
        firstName: String? = nil, lastName: String? = nil, email: String? = nil, phone: String? = nil,
        street: String? = nil, postalCode: String? = nil, city: String? = nil, country: String? = nil,
        disqualifyReason: String? = nil, owner: String? = nil, followUpDate: CalendarDate? = nil,
        convertedAccount: String? = nil, convertedContact: String? = nil, convertedOpportunity: String? = nil,
        convertedAt: UTCDateTime? = nil
    ) {
        self.id = id
        self.source = source
        self.campaign = campaign
        self.event = event
        self.description = description
        self.companyName = companyName
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.phone = phone
        self.street = street
        self.postalCode = postalCode
        self.city = city
        self.country = country
        self.status = status
        self.disqualifyReason = disqualifyReason
        self.owner = owner
        self.followUpDate = followUpDate
        self.convertedAccount = convertedAccount
        self.convertedContact = convertedContact
        self.convertedOpportunity = convertedOpportunity
        self.convertedAt = convertedAt
    }

    public init(from fields: FieldReader) throws(FieldValueError) {
        self.init(
            id: fields.id, status: try fields.required("status")
        )
        source = try fields.optional("source")
        campaign = try fields.optional("campaign")
        event = try fields.optional("event")
        description = try fields.optional("description")
        companyName = try fields.optional("companyName")
        firstName = try fields.optional("firstName")
        lastName = try fields.optional("lastName")
        email = try fields.optional("email")
        phone = try fields.optional("phone")
        street = try fields.optional("street")
        postalCode = try fields.optional("postalCode")
        city = try fields.optional("city")
        country = try fields.optional("country")
        disqualifyReason = try fields.optional("disqualifyReason")
        owner = try fields.optional("owner")
        followUpDate = try fields.optional("followUpDate")
        convertedAccount = try fields.optional("convertedAccount")
        convertedContact = try fields.optional("convertedContact")
        convertedOpportunity = try fields.optional("convertedOpportunity")
        convertedAt = try fields.optional("convertedAt")
    }

    public func write(to fields: inout FieldWriter<Lead>) throws {
        fields.write("source", \.source)
        fields.write("campaign", \.campaign)
        fields.write("event", \.event)
        fields.write("description", \.description)
        fields.write("companyName", \.companyName)
        fields.write("firstName", \.firstName)
        fields.write("lastName", \.lastName)
        fields.write("email", \.email)
        fields.write("phone", \.phone)
        fields.write("street", \.street)
        fields.write("postalCode", \.postalCode)
        fields.write("city", \.city)
        fields.write("country", \.country)
        fields.write("status", \.status)
        fields.write("disqualifyReason", \.disqualifyReason)
        fields.write("owner", \.owner)
        fields.write("followUpDate", \.followUpDate)
        fields.write("convertedAccount", \.convertedAccount)
        fields.write("convertedContact", \.convertedContact)
        fields.write("convertedOpportunity", \.convertedOpportunity)
        fields.write("convertedAt", \.convertedAt)
    }
}
