import FieldbookModel
import FieldbookSync

/// The record of a customer visit: who was met, topics, outcome, next steps
/// and gifts handed over (entity `visit_report`).
///
/// ```swift
/// var report = VisitReport(account: accountID, visitDate: today, topics: ["pricing"])
/// report.gifts.append(VisitReport.Gift(description: "Wine", value: DecimalNumber(unchecked: "25.00")))
/// report = try database.save(report)
/// ```
public struct VisitReport: EntityRecord {
    /// The schema entity.
    public static let entity = "visit_report"
    /// ``ClientDatabase/all(_:)`` lists by `visitDate` (ascending, empty first), then ID.
    public static let defaultOrder = ["visitDate"]

    /// The record ID.
    public let id: String
    /// The account visited (ID of an `account`; required).
    public var account: String
    /// The main contact (ID of a `contact`).
    public var contact: String?
    /// The appointment (ID of an `appointment`).
    public var appointment: String?
    /// The visit activity (ID of an `activity`).
    public var activity: String?
    /// Day of the visit (required).
    public var visitDate: CalendarDate
    /// Who wrote the report (ID of a `user`).
    public var author: String?
    /// Customer contacts met (IDs of `contact` records).
    public var participants: Set<String>
    /// Colleagues present (IDs of `user` records).
    public var internalParticipants: Set<String>
    /// Topics discussed.
    public var topics: Set<String>
    /// Outcome.
    public var outcome: String?
    /// Next steps.
    public var nextSteps: String?
    /// Gifts handed over, in order.
    public var gifts: [Gift]
    /// Deletion and conflict state.
    public var metadata = RecordMetadata()

    /// Creates a visit report; `account`, `visitDate` are required.
    public init(
        id: String = ClientDatabase.newRecordID(), account: String, visitDate: CalendarDate,
        contact: String? = nil, appointment: String? = nil, activity: String? = nil, author: String? = nil,
        participants: Set<String> = [], internalParticipants: Set<String> = [], topics: Set<String> = [],
        outcome: String? = nil, nextSteps: String? = nil, gifts: [Gift] = []
    ) {
        self.id = id
        self.account = account
        self.contact = contact
        self.appointment = appointment
        self.activity = activity
        self.visitDate = visitDate
        self.author = author
        self.participants = participants
        self.internalParticipants = internalParticipants
        self.topics = topics
        self.outcome = outcome
        self.nextSteps = nextSteps
        self.gifts = gifts
    }

    public init(from fields: FieldReader) throws(FieldValueError) {
        self.init(
            id: fields.id, account: try fields.required("account"),
            visitDate: try fields.required("visitDate")
        )
        contact = try fields.optional("contact")
        appointment = try fields.optional("appointment")
        activity = try fields.optional("activity")
        author = try fields.optional("author")
        participants = fields.set("participants")
        internalParticipants = fields.set("internalParticipants")
        topics = fields.set("topics")
        outcome = try fields.optional("outcome")
        nextSteps = try fields.optional("nextSteps")
        gifts = try fields.list("gifts")
    }

    public func write(to fields: inout FieldWriter<VisitReport>) throws {
        fields.write("account", \.account)
        fields.write("contact", \.contact)
        fields.write("appointment", \.appointment)
        fields.write("activity", \.activity)
        fields.write("visitDate", \.visitDate)
        fields.write("author", \.author)
        fields.write("participants", \.participants)
        fields.write("internalParticipants", \.internalParticipants)
        fields.write("topics", \.topics)
        fields.write("outcome", \.outcome)
        fields.write("nextSteps", \.nextSteps)
        try fields.write("gifts", \.gifts)
    }
}
