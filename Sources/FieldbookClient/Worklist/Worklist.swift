import FieldbookModel
import FieldbookSync

/// The rep's "Home" worklist for one day: what to do and what is due.
///
/// ```swift
/// let list = try database.worklist(on: today, timeZone: .current)
/// for task in list.tasks where task.isOverdue { … }
/// ```
public struct Worklist: Hashable, Sendable {
    /// The day the worklist is for.
    public var date: CalendarDate
    /// Appointments overlapping the day (in the user's time zone), not
    /// cancelled, by start time.
    public var appointments: [RecordState]
    /// Open tasks due on or before the day, oldest due date first.
    public var tasks: [DueTask]
    /// Sent offers expiring within the follow-up window or already expired
    /// but still marked sent, soonest first.
    public var offers: [OfferFollowUp]
    /// Accounts whose care interval has run out since their last visit,
    /// most overdue first.
    public var visitsDue: [VisitDue]
    /// Contracts ending soon, by the date action is needed.
    public var renewals: [RenewalDue]

    /// Creates a worklist.
    public init(
        date: CalendarDate, appointments: [RecordState] = [], tasks: [DueTask] = [], offers: [OfferFollowUp] = [],
        visitsDue: [VisitDue] = [], renewals: [RenewalDue] = []
    ) {
        self.date = date
        self.appointments = appointments
        self.tasks = tasks
        self.offers = offers
        self.visitsDue = visitsDue
        self.renewals = renewals
    }

    /// Whether there is nothing on the list.
    public var isEmpty: Bool {
        appointments.isEmpty && tasks.isEmpty && offers.isEmpty && visitsDue.isEmpty && renewals.isEmpty
    }
}

/// What the worklist includes.
public struct WorklistOptions: Hashable, Sendable {
    /// Sent offers expiring within this many days are listed for follow-up.
    public var offerFollowUpDays: Int
    /// Contracts are listed this many days before they end (or before their
    /// notice deadline), unless the contract sets its own reminder days.
    public var renewalWindowDays: Int
    /// Only this user's items (appointments they organise, tasks assigned to
    /// them, offers, accounts and contracts they own); nil for everything on
    /// the device.
    public var user: String?

    /// Creates options; defaults: 7 days for offers, 30 for renewals, every user.
    public init(offerFollowUpDays: Int = 7, renewalWindowDays: Int = 30, user: String? = nil) {
        self.offerFollowUpDays = offerFollowUpDays
        self.renewalWindowDays = renewalWindowDays
        self.user = user
    }
}
