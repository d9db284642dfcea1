import FieldbookClient
import FieldbookModel
import FieldbookSync

extension AccountCommand {
    /// Prints the 360° view of an account: its fields, then a section per
    /// kind of linked record (empty sections left out); with `--json` an
    /// object with keys account, contacts, opportunities, offers,
    /// lastActivities, nextActivities, lastAppointments, nextAppointments,
    /// visitReports, tickets, contracts, orders, invoices.
    static func showOverview(_ overview: AccountOverview, context: CLIContext) {
        let tables = RecordTables(context: context)
        context.emit(overviewJSON(overview, tables), human: overviewText(overview, tables))
    }

    /// The sections in display order: JSON key, title, records, columns.
    private static func sections(_ overview: AccountOverview, _ t: RecordTables)
        -> [(key: String, title: String, records: [RecordState], columns: [RecordTables.Column])]
    {
        [
            (
                "contacts", "Contacts", overview.contacts,
                [t.id, ("NAME", { t.label($0.id) }), t.field("function"), t.field("phone"), t.field("email")]
            ),
            (
                "opportunities", "Open opportunities", overview.opportunities,
                [t.id, t.field("name"), t.field("phase"), t.field("amount"), t.field("expectedCloseDate", "CLOSE")]
            ),
            ("offers", "Offers", overview.offers, OfferCommand.columns(t).filter { $0.header != "ACCOUNT" }),
            (
                "lastActivities", "Last activities", overview.lastActivities,
                [
                    t.id,
                    (
                        "WHEN",
                        { record in
                            t.presenter.text(record.value("occurredAt") ?? record.value("completedAt"), kind: .dateTime)
                        }
                    ), t.field("kind"), t.field("subject"), t.reference("contact"),
                ]
            ),
            (
                "nextActivities", "Open tasks", overview.nextActivities,
                [t.id, t.field("dueDate", "DUE"), t.field("subject"), t.reference("assignee")]
            ),
            (
                "lastAppointments", "Last appointments", overview.lastAppointments,
                [t.id, t.field("start"), t.field("subject"), t.reference("contact")]
            ),
            (
                "nextAppointments", "Next appointments", overview.nextAppointments,
                [t.id, t.field("start"), t.field("end"), t.field("subject"), t.field("location")]
            ),
            (
                "visitReports", "Visit reports", overview.visitReports,
                [t.id, t.field("visitDate", "DATE"), t.reference("contact"), t.field("outcome")]
            ),
            (
                "tickets", "Tickets", overview.tickets,
                [t.id, t.field("number"), t.field("subject"), t.field("status"), t.field("priority")]
            ),
            (
                "contracts", "Contracts", overview.contracts,
                [t.id, t.field("name"), t.field("kind"), t.field("status"), t.field("endDate", "ENDS")]
            ),
            (
                "orders", "Orders", overview.orders,
                [
                    t.id, t.field("number"), t.field("orderDate", "DATE"), t.field("status"),
                    t.field("grossTotal", "GROSS"),
                ]
            ),
            (
                "invoices", "Invoices", overview.invoices,
                [
                    t.id, t.field("number"), t.field("invoiceDate", "DATE"), t.field("status"),
                    t.field("grossTotal", "GROSS"),
                ]
            ),
        ]
    }

    private static func overviewJSON(_ overview: AccountOverview, _ tables: RecordTables) -> JSONValue {
        var object: [String: JSONValue] = ["account": tables.presenter.json(overview.account)]
        for section in sections(overview, tables) {
            object[section.key] = .array(section.records.map(tables.presenter.json))
        }
        return .object(object)
    }

    private static func overviewText(_ overview: AccountOverview, _ tables: RecordTables) -> String {
        var parts = [tables.presenter.details(overview.account)]
        for section in sections(overview, tables) where !section.records.isEmpty {
            parts.append(
                RecordTables.section(
                    section.title, count: section.records.count, tables.table(section.records, section.columns))
            )
        }
        return parts.joined(separator: "\n\n")
    }
}
