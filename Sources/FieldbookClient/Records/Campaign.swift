import FieldbookModel
import FieldbookSync

/// A marketing campaign: goal, budget, period, target criteria and templates
/// (entity `campaign`). Reference data: reps read campaigns; their saves
/// are refused by validation.
///
/// ```swift
/// let running = try database.all(Campaign.self, where: "status", equals: Campaign.Status.active)
/// ```
public struct Campaign: EntityRecord {
    /// The schema entity.
    public static let entity = "campaign"
    /// ``ClientDatabase/all(_:)`` lists by `startDate` (ascending, empty first), then ID.
    public static let defaultOrder = ["startDate"]

    /// The record ID.
    public let id: String
    /// Name (required).
    public var name: String
    /// Goal.
    public var goal: String?
    /// Channel.
    public var channel: Channel?
    /// Planned, active, completed or cancelled.
    public var status: Status?
    /// First day.
    public var startDate: CalendarDate?
    /// Last day.
    public var endDate: CalendarDate?
    /// Budget (money).
    public var budget: DecimalNumber?
    /// Actual cost (money).
    public var actualCost: DecimalNumber?
    /// Expected revenue (money).
    public var expectedRevenue: DecimalNumber?
    /// Who is targeted.
    public var targetCriteria: String?
    /// Letter, e-mail and call-script templates, in order.
    public var templates: [Template]
    /// Owning user (ID of a `user`).
    public var owner: String?
    /// Deletion and conflict state.
    public var metadata = RecordMetadata()

    /// Creates a campaign; `name` is required.
    public init(
        id: String = ClientDatabase.newRecordID(), name: String, goal: String? = nil, channel: Channel? = nil,
        status: Status? = nil, startDate: CalendarDate? = nil, endDate: CalendarDate? = nil,
        budget: DecimalNumber? = nil, actualCost: DecimalNumber? = nil, expectedRevenue: DecimalNumber? = nil,
        targetCriteria: String? = nil, templates: [Template] = [], owner: String? = nil
    ) {
        self.id = id
        self.name = name
        self.goal = goal
        self.channel = channel
        self.status = status
        self.startDate = startDate
        self.endDate = endDate
        self.budget = budget
        self.actualCost = actualCost
        self.expectedRevenue = expectedRevenue
        self.targetCriteria = targetCriteria
        self.templates = templates
        self.owner = owner
    }

    public init(from fields: FieldReader) throws(FieldValueError) {
        self.init(
            id: fields.id, name: try fields.required("name")
        )
        goal = try fields.optional("goal")
        channel = try fields.optional("channel")
        status = try fields.optional("status")
        startDate = try fields.optional("startDate")
        endDate = try fields.optional("endDate")
        budget = try fields.optional("budget")
        actualCost = try fields.optional("actualCost")
        expectedRevenue = try fields.optional("expectedRevenue")
        targetCriteria = try fields.optional("targetCriteria")
        templates = try fields.list("templates")
        owner = try fields.optional("owner")
    }

    public func write(to fields: inout FieldWriter<Campaign>) throws {
        fields.write("name", \.name)
        fields.write("goal", \.goal)
        fields.write("channel", \.channel)
        fields.write("status", \.status)
        fields.write("startDate", \.startDate)
        fields.write("endDate", \.endDate)
        fields.write("budget", \.budget)
        fields.write("actualCost", \.actualCost)
        fields.write("expectedRevenue", \.expectedRevenue)
        fields.write("targetCriteria", \.targetCriteria)
        try fields.write("templates", \.templates)
        fields.write("owner", \.owner)
    }
}
