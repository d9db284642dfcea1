import FieldbookModel
import FieldbookSync

/// A supply, maintenance or support contract with term, scope and renewal
/// (entity `contract`).
///
/// ```swift
/// let contract = Contract(name: "Maintenance 2027", account: accountID, kind: .maintenance, startDate: start)
/// try database.save(contract)
/// ```
public struct Contract: EntityRecord {
    /// The schema entity.
    public static let entity = "contract"
    /// ``ClientDatabase/all(_:)`` lists by `endDate` (ascending, empty first), then ID.
    public static let defaultOrder = ["endDate"]

    /// The record ID.
    public let id: String
    /// Contract number.
    public var number: String?
    /// Name (required).
    public var name: String
    /// The customer (ID of an `account`; required).
    public var account: String
    /// The contact (ID of a `contact`).
    public var contact: String?
    /// Kind of contract (required).
    public var kind: Kind
    /// Scope.
    public var scope: String?
    /// First day (required).
    public var startDate: CalendarDate
    /// Last day.
    public var endDate: CalendarDate?
    /// Notice period in days.
    public var noticePeriodDays: Int64?
    /// Whether it renews automatically (then a renewal term is required).
    public var autoRenewal: Bool?
    /// Months each renewal adds.
    public var renewalTermMonths: Int64?
    /// Days before the end to remind.
    public var renewalReminderDays: Int64?
    /// Value per year (money).
    public var annualValue: DecimalNumber?
    /// Draft, active, terminated or expired.
    public var status: Status?
    /// Owning user (ID of a `user`).
    public var owner: String?
    /// Deletion and conflict state.
    public var metadata = RecordMetadata()

    /// Creates a contract; `name`, `account`, `kind`, `startDate` are required.
    public init(
        id: String = ClientDatabase.newRecordID(), name: String, account: String, kind: Kind,
        startDate: CalendarDate, number: String? = nil, contact: String? = nil, scope: String? = nil,
        endDate: CalendarDate? = nil, noticePeriodDays: Int64? = nil, autoRenewal: Bool? = nil,
        renewalTermMonths: Int64? = nil, renewalReminderDays: Int64? = nil, annualValue: DecimalNumber? = nil,
        status: Status? = nil, owner: String? = nil
    ) {
        self.id = id
        self.number = number
        self.name = name
        self.account = account
        self.contact = contact
        self.kind = kind
        self.scope = scope
        self.startDate = startDate
        self.endDate = endDate
        self.noticePeriodDays = noticePeriodDays
        self.autoRenewal = autoRenewal
        self.renewalTermMonths = renewalTermMonths
        self.renewalReminderDays = renewalReminderDays
        self.annualValue = annualValue
        self.status = status
        self.owner = owner
    }

    public init(from fields: FieldReader) throws(FieldValueError) {
        self.init(
            id: fields.id, name: try fields.required("name"), account: try fields.required("account"),
            kind: try fields.required("kind"), startDate: try fields.required("startDate")
        )
        number = try fields.optional("number")
        contact = try fields.optional("contact")
        scope = try fields.optional("scope")
        endDate = try fields.optional("endDate")
        noticePeriodDays = try fields.optional("noticePeriodDays")
        autoRenewal = try fields.optional("autoRenewal")
        renewalTermMonths = try fields.optional("renewalTermMonths")
        renewalReminderDays = try fields.optional("renewalReminderDays")
        annualValue = try fields.optional("annualValue")
        status = try fields.optional("status")
        owner = try fields.optional("owner")
    }

    public func write(to fields: inout FieldWriter<Contract>) throws {
        fields.write("number", \.number)
        fields.write("name", \.name)
        fields.write("account", \.account)
        fields.write("contact", \.contact)
        fields.write("kind", \.kind)
        fields.write("scope", \.scope)
        fields.write("startDate", \.startDate)
        fields.write("endDate", \.endDate)
        fields.write("noticePeriodDays", \.noticePeriodDays)
        fields.write("autoRenewal", \.autoRenewal)
        fields.write("renewalTermMonths", \.renewalTermMonths)
        fields.write("renewalReminderDays", \.renewalReminderDays)
        fields.write("annualValue", \.annualValue)
        fields.write("status", \.status)
        fields.write("owner", \.owner)
    }
}
