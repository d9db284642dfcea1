import FieldbookModel
import FieldbookSync

/// An organisation — customer, prospect, partner, competitor or supplier —
/// and the hub of the 360° view (entity `account`).
///
/// ```swift
/// var account = Account(name: "Müller Maschinenbau GmbH", roles: [.customer])
/// account.addresses.append(Account.Address(kind: .visiting, street: "Hauptstraße 5", city: "Stuttgart"))
/// account = try database.save(account)
/// ```
///
/// ``abcClass``, ``abcOverride``, ``careIntervalDays`` and ``priceList`` are set by the office; they are
/// read-only here (this client writes as a sales rep) and saves never write them.
public struct Account: EntityRecord {
    /// The schema entity.
    public static let entity = "account"
    /// ``ClientDatabase/all(_:)`` lists by `name` (ascending, empty first), then ID.
    public static let defaultOrder = ["name"]

    /// The record ID.
    public let id: String
    /// Company name (required).
    public var name: String
    /// Customer number.
    public var number: String?
    /// Customer, prospect, partner, competitor, supplier (several may apply).
    public var roles: Set<Role>
    /// Active or inactive.
    public var status: Status?
    /// Industry.
    public var industry: String?
    /// ABC class by revenue share (set by the office; read-only).
    public internal(set) var abcClass: ABCClass?
    /// Days between visits the ABC class implies (set by the office; read-only).
    public internal(set) var careIntervalDays: Int64?
    /// Manual ABC class that wins over the computed one (set by a manager or the office; read-only).
    public internal(set) var abcOverride: ABCClass?
    /// The price list the account buys from (ID of a `price_list`; set by the office; read-only).
    public internal(set) var priceList: String?
    /// Day of the last visit.
    public var lastVisitDate: CalendarDate?
    /// Owning user (ID of a `user`).
    public var owner: String?
    /// Territory (ID of a `territory`).
    public var territory: String?
    /// Parent account (ID of an `account`).
    public var parent: String?
    /// Competitors active at this account (IDs of `competitor` records).
    public var competitors: Set<String>
    /// Interests, free text.
    public var interests: Set<String>
    /// Phone number as typed.
    public var phone: String?
    /// E-mail address.
    public var email: String?
    /// Website.
    public var website: String?
    /// Addresses, in order.
    public var addresses: [Address]
    /// The lead this account was converted from (written once).
    public var sourceLead: String?
    /// Notes.
    public var notes: String?
    /// Deletion and conflict state.
    public var metadata = RecordMetadata()

    /// Creates an account; only `name` is required.
    public init(
        id: String = ClientDatabase.newRecordID(), name: String, number: String? = nil, roles: Set<Role> = [],
        status: Status? = nil, industry: String? = nil, lastVisitDate: CalendarDate? = nil, owner: String? = nil,
        territory: String? = nil, parent: String? = nil, competitors: Set<String> = [], interests: Set<String> = [],
        phone: String? = nil, email: String? = nil, website: String? = nil, addresses: [Address] = [],
        sourceLead: String? = nil, notes: String? = nil
    ) {
        self.id = id
        self.name = name
        self.number = number
        self.roles = roles
        self.status = status
        self.industry = industry
        self.abcClass = nil
        self.careIntervalDays = nil
        self.abcOverride = nil
        self.priceList = nil
        self.lastVisitDate = lastVisitDate
        self.owner = owner
        self.territory = territory
        self.parent = parent
        self.competitors = competitors
        self.interests = interests
        self.phone = phone
        self.email = email
        self.website = website
        self.addresses = addresses
        self.sourceLead = sourceLead
        self.notes = notes
    }

    public init(from fields: FieldReader) throws(FieldValueError) {
        self.init(id: fields.id, name: try fields.required("name"))
        number = try fields.optional("number")
        roles = fields.set("roles")
        status = try fields.optional("status")
        industry = try fields.optional("industry")
        abcClass = try fields.optional("abcClass")
        careIntervalDays = try fields.optional("careIntervalDays")
        abcOverride = try fields.optional("abcOverride")
        priceList = try fields.optional("priceList")
        lastVisitDate = try fields.optional("lastVisitDate")
        owner = try fields.optional("owner")
        territory = try fields.optional("territory")
        parent = try fields.optional("parent")
        competitors = fields.set("competitors")
        interests = fields.set("interests")
        phone = try fields.optional("phone")
        email = try fields.optional("email")
        website = try fields.optional("website")
        addresses = try fields.list("addresses")
        sourceLead = try fields.optional("sourceLead")
        notes = try fields.optional("notes")
    }

    public func write(to fields: inout FieldWriter<Account>) throws {
        fields.write("name", \.name)
        fields.write("number", \.number)
        fields.write("roles", \.roles)
        fields.write("status", \.status)
        fields.write("industry", \.industry)
        fields.write("lastVisitDate", \.lastVisitDate)
        fields.write("owner", \.owner)
        fields.write("territory", \.territory)
        fields.write("parent", \.parent)
        fields.write("competitors", \.competitors)
        fields.write("interests", \.interests)
        fields.write("phone", \.phone)
        fields.write("email", \.email)
        fields.write("website", \.website)
        try fields.write("addresses", \.addresses)
        fields.write("sourceLead", \.sourceLead)
        fields.write("notes", \.notes)
    }
}
