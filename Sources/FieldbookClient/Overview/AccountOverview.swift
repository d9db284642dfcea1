import FieldbookSync

/// The 360° view of one account: the account and everything linked to it
/// on this device, each list read through the entity's indexed `account`
/// reference.
///
/// ```swift
/// let overview = try database.accountOverview(id: accountID)
/// print(overview.contacts.count, overview.nextAppointments.first?.value("subject"))
/// ```
public struct AccountOverview: Hashable, Sendable {
    /// The account.
    public var account: RecordState
    /// Its contacts, by last name.
    public var contacts: [RecordState]
    /// Its open opportunities, by expected close date.
    public var opportunities: [RecordState]
    /// Its offers, newest first.
    public var offers: [RecordState]
    /// Its most recent history activities (calls, visits, letters, e-mails,
    /// notes) and completed tasks, newest first.
    public var lastActivities: [RecordState]
    /// Its open tasks, by due date.
    public var nextActivities: [RecordState]
    /// Its most recent past appointments, newest first.
    public var lastAppointments: [RecordState]
    /// Its upcoming (and running) appointments, soonest first; cancelled ones left out.
    public var nextAppointments: [RecordState]
    /// Its visit reports, newest first.
    public var visitReports: [RecordState]
    /// Its service tickets, newest first.
    public var tickets: [RecordState]
    /// Its contracts, by end date.
    public var contracts: [RecordState]
    /// Its orders, newest first.
    public var orders: [RecordState]
    /// Its invoices, newest first.
    public var invoices: [RecordState]

    /// Creates an overview (all lists empty).
    public init(account: RecordState) {
        self.account = account
        (contacts, opportunities, offers, lastActivities, nextActivities) = ([], [], [], [], [])
        (lastAppointments, nextAppointments, visitReports, tickets, contracts, orders, invoices) = (
            [], [], [], [], [], [], []
        )
    }
}
