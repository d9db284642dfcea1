import FieldbookModel
import FieldbookSync

/// A sales opportunity moving through a pipeline (entity `opportunity`);
/// closes as won, lost or cancelled, always with a reason and a date.
///
/// ```swift
/// var deal = Opportunity(account: accountID, name: "Press line retrofit", status: .open, owner: userID)
/// deal.amount = DecimalNumber(unchecked: "125000.00")
/// deal = try database.save(deal)
/// ```
public struct Opportunity: EntityRecord {
    /// The schema entity.
    public static let entity = "opportunity"
    /// ``ClientDatabase/all(_:)`` lists by `expectedCloseDate` (ascending, empty first), then ID.
    public static let defaultOrder = ["expectedCloseDate"]

    /// The record ID.
    public let id: String
    /// The customer (ID of an `account`; required).
    public var account: String
    /// Short name (required).
    public var name: String
    /// Opportunity number.
    public var number: String?
    /// Expected revenue (money, two fraction digits).
    public var amount: DecimalNumber?
    /// When it is expected to close.
    public var expectedCloseDate: CalendarDate?
    /// Sales pipeline (ID of a `pipeline`).
    public var pipeline: String?
    /// Current phase: the ID of an item of the pipeline's `phases`.
    public var phase: String?
    /// Win probability in percent, 0–100.
    public var probability: DecimalNumber?
    /// Open, won, lost or cancelled (required; won is final).
    public var status: Status
    /// Why it closed (required once closed).
    public var closeReason: String?
    /// When it closed (required once closed).
    public var closeDate: CalendarDate?
    /// Forecast category.
    public var forecastCategory: ForecastCategory?
    /// Owning user (ID of a `user`; required).
    public var owner: String
    /// Team (ID of a `team`).
    public var team: String?
    /// Contacts involved in the decision (IDs of `contact` records).
    public var buyingCenter: Set<String>
    /// Competitors in the race (IDs of `competitor` records).
    public var competitors: Set<String>
    /// The lead it came from (written once).
    public var lead: String?
    /// Next step.
    public var nextStep: String?
    /// Description.
    public var description: String?
    /// Deletion and conflict state.
    public var metadata = RecordMetadata()

    /// Creates an opportunity; `account`, `name`, `status`, `owner` are required.
    public init(
        id: String = ClientDatabase.newRecordID(), account: String, name: String, status: Status, owner: String,
        number: String? = nil, amount: DecimalNumber? = nil, expectedCloseDate: CalendarDate? = nil,
        pipeline: String? = nil, phase: String? = nil, probability: DecimalNumber? = nil,
        closeReason: String? = nil, closeDate: CalendarDate? = nil, forecastCategory: ForecastCategory? = nil,
        team: String? = nil, buyingCenter: Set<String> = [], competitors: Set<String> = [], lead: String? = nil,
        nextStep: String? = nil, description: String? = nil
    ) {
        self.id = id
        self.account = account
        self.name = name
        self.number = number
        self.amount = amount
        self.expectedCloseDate = expectedCloseDate
        self.pipeline = pipeline
        self.phase = phase
        self.probability = probability
        self.status = status
        self.closeReason = closeReason
        self.closeDate = closeDate
        self.forecastCategory = forecastCategory
        self.owner = owner
        self.team = team
        self.buyingCenter = buyingCenter
        self.competitors = competitors
        self.lead = lead
        self.nextStep = nextStep
        self.description = description
    }

    public init(from fields: FieldReader) throws(FieldValueError) {
        self.init(
            id: fields.id, account: try fields.required("account"), name: try fields.required("name"),
            status: try fields.required("status"), owner: try fields.required("owner")
        )
        number = try fields.optional("number")
        amount = try fields.optional("amount")
        expectedCloseDate = try fields.optional("expectedCloseDate")
        pipeline = try fields.optional("pipeline")
        phase = try fields.optional("phase")
        probability = try fields.optional("probability")
        closeReason = try fields.optional("closeReason")
        closeDate = try fields.optional("closeDate")
        forecastCategory = try fields.optional("forecastCategory")
        team = try fields.optional("team")
        buyingCenter = fields.set("buyingCenter")
        competitors = fields.set("competitors")
        lead = try fields.optional("lead")
        nextStep = try fields.optional("nextStep")
        description = try fields.optional("description")
    }

    public func write(to fields: inout FieldWriter<Opportunity>) throws {
        fields.write("account", \.account)
        fields.write("name", \.name)
        fields.write("number", \.number)
        fields.write("amount", \.amount)
        fields.write("expectedCloseDate", \.expectedCloseDate)
        fields.write("pipeline", \.pipeline)
        fields.write("phase", \.phase)
        fields.write("probability", \.probability)
        fields.write("status", \.status)
        fields.write("closeReason", \.closeReason)
        fields.write("closeDate", \.closeDate)
        fields.write("forecastCategory", \.forecastCategory)
        fields.write("owner", \.owner)
        fields.write("team", \.team)
        fields.write("buyingCenter", \.buyingCenter)
        fields.write("competitors", \.competitors)
        fields.write("lead", \.lead)
        fields.write("nextStep", \.nextStep)
        fields.write("description", \.description)
    }
}
