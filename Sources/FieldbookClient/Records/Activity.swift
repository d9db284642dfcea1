import FieldbookModel
import FieldbookSync

/// A call, visit, letter, e-mail or note (history) or a task with an
/// assignee and a due date (entity `activity`); always linked to an account.
///
/// ```swift
/// let call = Activity.history(.call, subject: "Discussed the retrofit", account: accountID, occurredAt: now)
/// let task = Activity.task(subject: "Send the offer", account: accountID, assignee: userID, dueDate: today)
/// try database.write { transaction in
///     try transaction.save(call)
///     try transaction.save(task)
/// }
/// ```
public struct Activity: EntityRecord {
    /// The schema entity.
    public static let entity = "activity"
    /// ``ClientDatabase/all(_:)`` lists by `dueDate` then `occurredAt` (ascending, empty first), then ID.
    public static let defaultOrder = ["dueDate", "occurredAt"]

    /// The record ID.
    public let id: String
    /// Call, visit, letter, email, note or task (required).
    public var kind: Kind
    /// Subject (required).
    public var subject: String
    /// Description.
    public var description: String?
    /// The account (ID of an `account`; required).
    public var account: String
    /// The contact (ID of a `contact`).
    public var contact: String?
    /// The opportunity (ID of an `opportunity`).
    public var opportunity: String?
    /// The service ticket (ID of a `ticket`).
    public var ticket: String?
    /// The campaign (ID of a `campaign`).
    public var campaign: String?
    /// Inbound or outbound.
    public var direction: Direction?
    /// When it happened (required for history).
    public var occurredAt: UTCDateTime?
    /// Duration in minutes, 0–10080.
    public var durationMinutes: Int64?
    /// Who must do the task (ID of a `user`; required for tasks).
    public var assignee: String?
    /// When the task is due (required for tasks).
    public var dueDate: CalendarDate?
    /// Task status (required for tasks).
    public var status: Status?
    /// Who delegated the task (ID of a `user`).
    public var delegatedBy: String?
    /// When the task was delegated.
    public var delegatedAt: UTCDateTime?
    /// The automation that generated the task.
    public var generatedBy: String?
    /// When the task was completed.
    public var completedAt: UTCDateTime?
    /// Owning user (ID of a `user`).
    public var owner: String?
    /// Deletion and conflict state.
    public var metadata = RecordMetadata()

    /// Creates an activity; `kind`, `subject`, `account` are required.
    public init(
        id: String = ClientDatabase.newRecordID(), kind: Kind, subject: String, account: String,
        description: String? = nil, contact: String? = nil, opportunity: String? = nil, ticket: String? = nil,
        campaign: String? = nil, direction: Direction? = nil, occurredAt: UTCDateTime? = nil,
        durationMinutes: Int64? = nil, assignee: String? = nil, dueDate: CalendarDate? = nil,
        status: Status? = nil, delegatedBy: String? = nil, generatedBy: String? = nil,
        completedAt: UTCDateTime? = nil, owner: String? = nil, delegatedAt: UTCDateTime? = nil
    ) {
        self.id = id
        self.kind = kind
        self.subject = subject
        self.description = description
        self.account = account
        self.contact = contact
        self.opportunity = opportunity
        self.ticket = ticket
        self.campaign = campaign
        self.direction = direction
        self.occurredAt = occurredAt
        self.durationMinutes = durationMinutes
        self.assignee = assignee
        self.dueDate = dueDate
        self.status = status
        self.delegatedBy = delegatedBy
        self.delegatedAt = delegatedAt
        self.generatedBy = generatedBy
        self.completedAt = completedAt
        self.owner = owner
    }

    public init(from fields: FieldReader) throws(FieldValueError) {
        self.init(
            id: fields.id, kind: try fields.required("kind"), subject: try fields.required("subject"),
            account: try fields.required("account")
        )
        description = try fields.optional("description")
        contact = try fields.optional("contact")
        opportunity = try fields.optional("opportunity")
        ticket = try fields.optional("ticket")
        campaign = try fields.optional("campaign")
        direction = try fields.optional("direction")
        occurredAt = try fields.optional("occurredAt")
        durationMinutes = try fields.optional("durationMinutes")
        assignee = try fields.optional("assignee")
        dueDate = try fields.optional("dueDate")
        status = try fields.optional("status")
        delegatedBy = try fields.optional("delegatedBy")
        delegatedAt = try fields.optional("delegatedAt")
        generatedBy = try fields.optional("generatedBy")
        completedAt = try fields.optional("completedAt")
        owner = try fields.optional("owner")
    }

    public func write(to fields: inout FieldWriter<Activity>) throws {
        fields.write("kind", \.kind)
        fields.write("subject", \.subject)
        fields.write("description", \.description)
        fields.write("account", \.account)
        fields.write("contact", \.contact)
        fields.write("opportunity", \.opportunity)
        fields.write("ticket", \.ticket)
        fields.write("campaign", \.campaign)
        fields.write("direction", \.direction)
        fields.write("occurredAt", \.occurredAt)
        fields.write("durationMinutes", \.durationMinutes)
        fields.write("assignee", \.assignee)
        fields.write("dueDate", \.dueDate)
        fields.write("status", \.status)
        fields.write("delegatedBy", \.delegatedBy)
        fields.write("delegatedAt", \.delegatedAt)
        fields.write("generatedBy", \.generatedBy)
        fields.write("completedAt", \.completedAt)
        fields.write("owner", \.owner)
    }

    /// A task: kind `task`, status `open`.
    public static func task(
        id: String = ClientDatabase.newRecordID(), subject: String, account: String, assignee: String,
        dueDate: CalendarDate
    ) -> Activity {
        Activity(
            id: id, kind: .task, subject: subject, account: account, assignee: assignee, dueDate: dueDate, status: .open
        )
    }

    /// A history entry (call, visit, letter, e-mail or note) that happened at `occurredAt`.
    public static func history(
        _ kind: Kind, id: String = ClientDatabase.newRecordID(), subject: String, account: String,
        occurredAt: UTCDateTime
    ) -> Activity {
        Activity(id: id, kind: kind, subject: subject, account: account, occurredAt: occurredAt)
    }

    /// Whether this is a task (as opposed to history).
    public var isTask: Bool { kind == .task }

    /// Whether this is a task still to be done (open or in progress).
    public var isOpenTask: Bool { isTask && (status == .open || status == .inProgress) }
}
