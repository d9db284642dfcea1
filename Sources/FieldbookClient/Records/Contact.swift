import FieldbookModel
import FieldbookSync

/// A person at an account, with buying-center roles, channels and opt-outs
/// (entity `contact`).
///
/// ```swift
/// let contact = try database.save(Contact(account: accountID, firstName: "Anna", lastName: "Schmidt"))
/// let colleagues = try database.all(Contact.self, where: "account", equals: accountID)
/// ```
public struct Contact: EntityRecord {
    /// The schema entity.
    public static let entity = "contact"
    /// ``ClientDatabase/all(_:)`` lists by `lastName` then `firstName` (ascending, empty first), then ID.
    public static let defaultOrder = ["lastName", "firstName"]

    /// The record ID.
    public let id: String
    /// The account the contact works at (ID of an `account`; required).
    public var account: String
    /// Form of address.
    public var salutation: Salutation?
    /// Academic or honorary title.
    public var title: String?
    /// First name.
    public var firstName: String?
    /// Last name (required).
    public var lastName: String
    /// Job function.
    public var function: String?
    /// Part in buying decisions.
    public var buyingRole: BuyingRole?
    /// Roles at further accounts, in order.
    public var accountRoles: [AccountRole]
    /// Phone number as typed.
    public var phone: String?
    /// Mobile number as typed.
    public var mobile: String?
    /// E-mail address.
    public var email: String?
    /// Street and number.
    public var street: String?
    /// Postal code.
    public var postalCode: String?
    /// City.
    public var city: String?
    /// ISO 3166 country code, two letters.
    public var country: String?
    /// Interests, free text.
    public var interests: Set<String>
    /// Opted out of letters.
    public var noMail: Bool?
    /// Opted out of calls.
    public var noCall: Bool?
    /// Opted out of e-mail.
    public var noEmail: Bool?
    /// Birthday.
    public var birthday: CalendarDate?
    /// Owning user (ID of a `user`).
    public var owner: String?
    /// The lead this contact was converted from (written once).
    public var sourceLead: String?
    /// Notes.
    public var notes: String?
    /// Deletion and conflict state.
    public var metadata = RecordMetadata()

    /// Creates a contact; `account`, `lastName` are required.
    public init(
        id: String = ClientDatabase.newRecordID(), account: String, lastName: String,
        salutation: Salutation? = nil, title: String? = nil, firstName: String? = nil, function: String? = nil,
        buyingRole: BuyingRole? = nil, accountRoles: [AccountRole] = [], phone: String? = nil,
        mobile: String? = nil, email: String? = nil, street: String? = nil, postalCode: String? = nil,
        city: String? = nil, country: String? = nil, interests: Set<String> = [], noMail: Bool? = nil,
        noCall: Bool? = nil, noEmail: Bool? = nil, birthday: CalendarDate? = nil, owner: String? = nil,
        sourceLead: String? = nil, notes: String? = nil
    ) {
        self.id = id
        self.account = account
        self.salutation = salutation
        self.title = title
        self.firstName = firstName
        self.lastName = lastName
        self.function = function
        self.buyingRole = buyingRole
        self.accountRoles = accountRoles
        self.phone = phone
        self.mobile = mobile
        self.email = email
        self.street = street
        self.postalCode = postalCode
        self.city = city
        self.country = country
        self.interests = interests
        self.noMail = noMail
        self.noCall = noCall
        self.noEmail = noEmail
        self.birthday = birthday
        self.owner = owner
        self.sourceLead = sourceLead
        self.notes = notes
    }

    public init(from fields: FieldReader) throws(FieldValueError) {
        self.init(
            id: fields.id, account: try fields.required("account"),
            lastName: try fields.required("lastName")
        )
        salutation = try fields.optional("salutation")
        title = try fields.optional("title")
        firstName = try fields.optional("firstName")
        function = try fields.optional("function")
        buyingRole = try fields.optional("buyingRole")
        accountRoles = try fields.list("accountRoles")
        phone = try fields.optional("phone")
        mobile = try fields.optional("mobile")
        email = try fields.optional("email")
        street = try fields.optional("street")
        postalCode = try fields.optional("postalCode")
        city = try fields.optional("city")
        country = try fields.optional("country")
        interests = fields.set("interests")
        noMail = try fields.optional("noMail")
        noCall = try fields.optional("noCall")
        noEmail = try fields.optional("noEmail")
        birthday = try fields.optional("birthday")
        owner = try fields.optional("owner")
        sourceLead = try fields.optional("sourceLead")
        notes = try fields.optional("notes")
    }

    public func write(to fields: inout FieldWriter<Contact>) throws {
        fields.write("account", \.account)
        fields.write("salutation", \.salutation)
        fields.write("title", \.title)
        fields.write("firstName", \.firstName)
        fields.write("lastName", \.lastName)
        fields.write("function", \.function)
        fields.write("buyingRole", \.buyingRole)
        try fields.write("accountRoles", \.accountRoles)
        fields.write("phone", \.phone)
        fields.write("mobile", \.mobile)
        fields.write("email", \.email)
        fields.write("street", \.street)
        fields.write("postalCode", \.postalCode)
        fields.write("city", \.city)
        fields.write("country", \.country)
        fields.write("interests", \.interests)
        fields.write("noMail", \.noMail)
        fields.write("noCall", \.noCall)
        fields.write("noEmail", \.noEmail)
        fields.write("birthday", \.birthday)
        fields.write("owner", \.owner)
        fields.write("sourceLead", \.sourceLead)
        fields.write("notes", \.notes)
    }
}
