import FieldbookModel
import FieldbookSync
import GRDB

extension ClientDatabase {
    /// The 360° view of account `id` at `now` (default: the clock's time):
    /// contacts, open opportunities, offers, last and next activities and
    /// appointments, visit reports, tickets, contracts, orders and invoices.
    /// The "last …" lists and visit reports hold at most `recentLimit` records.
    ///
    /// - Throws: ``ClientError/recordNotFound(id:)`` when the account is not
    ///   on this device or deleted; ``ClientError/wrongEntity(id:expected:found:)``.
    public func accountOverview(id: String, now: UTCDateTime? = nil, recentLimit: Int = 10) throws -> AccountOverview {
        let instant = now ?? UTCDateTime(secondsSinceEpoch: Int64(clock.nowMillis() / 1000))!
        return try read { db in try self.accountOverview(id: id, now: instant, recentLimit: recentLimit, in: db) }
    }

    /// ``accountOverview(id:now:recentLimit:)`` inside an observation or transaction.
    public func accountOverview(id: String, now: UTCDateTime, recentLimit: Int = 10, in db: Database) throws
        -> AccountOverview
    {
        var overview = AccountOverview(account: try ProjectionQuery.require("account", id, in: db))
        func linked(
            _ entity: String, _ condition: String = "1", _ extra: [String] = [], order: String, limit: Int? = nil
        ) throws -> [RecordState] {
            try ProjectionQuery.records(
                entity, where: "account = ? AND (\(condition))", arguments: StatementArguments([id] + extra),
                orderBy: order, limit: limit, in: db
            )
        }
        let time = now.description
        overview.contacts = try linked("contact", order: "\"lastName\", \"firstName\"")
        overview.opportunities = try linked("opportunity", "status = 'open'", order: "\"expectedCloseDate\"")
        overview.offers = try linked("offer", order: "\"offerDate\" DESC, \"provisionalNumber\" DESC")
        overview.lastActivities = try linked(
            "activity", "kind IN ('call', 'visit', 'letter', 'email', 'note') OR (kind = 'task' AND status = 'done')",
            order: "coalesce(\"occurredAt\", \"completedAt\") DESC", limit: recentLimit
        )
        overview.nextActivities = try linked(
            "activity", "kind = 'task' AND \(TaskQuery.openCondition)", order: "\"dueDate\""
        )
        overview.lastAppointments = try linked(
            "appointment", "\"end\" <= ?", [time], order: "\"start\" DESC", limit: recentLimit
        )
        overview.nextAppointments = try linked(
            "appointment", "\"end\" > ? AND (status IS NULL OR status <> 'cancelled')", [time], order: "\"start\""
        )
        overview.visitReports = try linked("visit_report", order: "\"visitDate\" DESC", limit: recentLimit)
        overview.tickets = try linked("ticket", order: "\"openedAt\" DESC")
        overview.contracts = try linked("contract", order: "\"endDate\"")
        overview.orders = try linked("order", order: "\"orderDate\" DESC")
        overview.invoices = try linked("invoice", order: "\"invoiceDate\" DESC")
        return overview
    }
}
