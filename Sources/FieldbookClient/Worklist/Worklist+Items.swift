import FieldbookModel
import FieldbookSync

extension Worklist {
    /// An open task due on or before the worklist's day.
    public struct DueTask: Hashable, Sendable {
        /// The task (an `activity` of kind `task`).
        public var record: RecordState
        /// Its due date.
        public var dueDate: CalendarDate
        /// Whether it was due before the worklist's day.
        public var isOverdue: Bool

        /// Creates an item.
        public init(record: RecordState, dueDate: CalendarDate, isOverdue: Bool) {
            self.record = record
            self.dueDate = dueDate
            self.isOverdue = isOverdue
        }
    }

    /// A sent offer to follow up before (or after) it expires.
    public struct OfferFollowUp: Hashable, Sendable {
        /// The offer.
        public var record: RecordState
        /// Its last valid day.
        public var validUntil: CalendarDate
        /// Days from the worklist's day to `validUntil`; negative when expired.
        public var daysLeft: Int

        /// Creates an item.
        public init(record: RecordState, validUntil: CalendarDate, daysLeft: Int) {
            self.record = record
            self.validUntil = validUntil
            self.daysLeft = daysLeft
        }
    }

    /// An account due for a visit by its care interval.
    public struct VisitDue: Hashable, Sendable {
        /// The account.
        public var account: RecordState
        /// The last visit known on this device (the account's
        /// `lastVisitDate`, visit reports, visit activities); nil if never visited.
        public var lastVisit: CalendarDate?
        /// The account's care interval in days.
        public var careIntervalDays: Int
        /// When the next visit was due (the worklist's day if never visited).
        public var dueDate: CalendarDate
        /// Days past the due date (0 when due today).
        public var daysOverdue: Int

        /// Creates an item.
        public init(
            account: RecordState, lastVisit: CalendarDate?, careIntervalDays: Int, dueDate: CalendarDate,
            daysOverdue: Int
        ) {
            self.account = account
            self.lastVisit = lastVisit
            self.careIntervalDays = careIntervalDays
            self.dueDate = dueDate
            self.daysOverdue = daysOverdue
        }
    }

    /// A contract ending soon: renew, renegotiate or give notice.
    public struct RenewalDue: Hashable, Sendable {
        /// The contract.
        public var contract: RecordState
        /// Its end date.
        public var endDate: CalendarDate
        /// The last day to give notice (`endDate` minus the notice period), if it has one.
        public var noticeDeadline: CalendarDate?
        /// Days from the worklist's day to the end date.
        public var daysLeft: Int

        /// Creates an item.
        public init(contract: RecordState, endDate: CalendarDate, noticeDeadline: CalendarDate?, daysLeft: Int) {
            self.contract = contract
            self.endDate = endDate
            self.noticeDeadline = noticeDeadline
            self.daysLeft = daysLeft
        }
    }
}
