import FieldbookModel
import FieldbookSync

/// A calendar entry with internal and external participants and a stable
/// iCalendar UID (entity `appointment`). The UID is assigned on creation.
///
/// ```swift
/// let visit = Appointment(subject: "Quarterly review", start: start, end: end, account: accountID)
/// try database.saveAppointment(visit)   // refuses overlaps; `save` does not check
/// ```
public struct Appointment: EntityRecord {
    /// The schema entity.
    public static let entity = "appointment"
    /// ``ClientDatabase/all(_:)`` lists by `start` (ascending, empty first), then ID.
    public static let defaultOrder = ["start"]

    /// The record ID.
    public let id: String
    /// Subject (required).
    public var subject: String
    /// Where it takes place.
    public var location: String?
    /// Start (required).
    public var start: UTCDateTime
    /// End, after the start (required).
    public var end: UTCDateTime
    /// Whether it lasts all day.
    public var allDay: Bool?
    /// The account (ID of an `account`).
    public var account: String?
    /// The contact (ID of a `contact`).
    public var contact: String?
    /// The opportunity (ID of an `opportunity`).
    public var opportunity: String?
    /// The service ticket (ID of a `ticket`).
    public var ticket: String?
    /// The organizing user (ID of a `user`).
    public var organizer: String?
    /// Colleagues taking part (IDs of `user` records).
    public var internalParticipants: Set<String>
    /// Customer contacts taking part (IDs of `contact` records).
    public var externalParticipants: Set<String>
    /// Planned, held or cancelled.
    public var status: Status?
    /// Stable iCalendar UID (written once; assigned on creation when empty).
    public var icalUID: String?
    /// The visit report (ID of a `visit_report`).
    public var visitReport: String?
    /// Description.
    public var description: String?
    /// Deletion and conflict state.
    public var metadata = RecordMetadata()

    /// Creates an appointment; `subject`, `start`, `end` are required.
    public init(
        id: String = ClientDatabase.newRecordID(), subject: String, start: UTCDateTime, end: UTCDateTime,
        location: String? = nil, allDay: Bool? = nil, account: String? = nil, contact: String? = nil,
        opportunity: String? = nil, ticket: String? = nil, organizer: String? = nil,
        internalParticipants: Set<String> = [], externalParticipants: Set<String> = [], status: Status? = nil,
        icalUID: String? = nil, visitReport: String? = nil, description: String? = nil
    ) {
        self.id = id
        self.subject = subject
        self.location = location
        self.start = start
        self.end = end
        self.allDay = allDay
        self.account = account
        self.contact = contact
        self.opportunity = opportunity
        self.ticket = ticket
        self.organizer = organizer
        self.internalParticipants = internalParticipants
        self.externalParticipants = externalParticipants
        self.status = status
        self.icalUID = icalUID
        self.visitReport = visitReport
        self.description = description
    }

    public init(from fields: FieldReader) throws(FieldValueError) {
        self.init(
            id: fields.id, subject: try fields.required("subject"), start: try fields.required("start"),
            end: try fields.required("end")
        )
        location = try fields.optional("location")
        allDay = try fields.optional("allDay")
        account = try fields.optional("account")
        contact = try fields.optional("contact")
        opportunity = try fields.optional("opportunity")
        ticket = try fields.optional("ticket")
        organizer = try fields.optional("organizer")
        internalParticipants = fields.set("internalParticipants")
        externalParticipants = fields.set("externalParticipants")
        status = try fields.optional("status")
        icalUID = try fields.optional("icalUID")
        visitReport = try fields.optional("visitReport")
        description = try fields.optional("description")
    }

    public func write(to fields: inout FieldWriter<Appointment>) throws {
        fields.write("subject", \.subject)
        fields.write("location", \.location)
        fields.write("start", \.start)
        fields.write("end", \.end)
        fields.write("allDay", \.allDay)
        fields.write("account", \.account)
        fields.write("contact", \.contact)
        fields.write("opportunity", \.opportunity)
        fields.write("ticket", \.ticket)
        fields.write("organizer", \.organizer)
        fields.write("internalParticipants", \.internalParticipants)
        fields.write("externalParticipants", \.externalParticipants)
        fields.write("status", \.status)
        fields.write("icalUID", \.icalUID)
        fields.write("visitReport", \.visitReport)
        fields.write("description", \.description)
    }

    /// Gives a new appointment its stable iCalendar UID (``ClientDatabase/icalUID(forAppointment:)``).
    public mutating func willInsert(in transaction: LocalTransaction) throws {
        if icalUID == nil { icalUID = ClientDatabase.icalUID(forAppointment: id) }
    }
}
