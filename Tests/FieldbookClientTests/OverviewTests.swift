import FieldbookClient
import FieldbookModel
import FieldbookSync
import Testing

@Suite("Account overview (360° view)")
struct OverviewTests {
    @Test func collectsEverythingLinkedToTheAccount() throws {
        let work = try FieldWork()
        let account = try work.account()
        let other = try work.account("Bauer AG")
        let a = Value.text(account)

        let schmidt = try work.add("contact", ["account": a, "lastName": "Schmidt"])
        let albers = try work.add("contact", ["account": a, "lastName": "Albers"])
        try work.add("contact", ["account": .text(other), "lastName": "Other"])
        let gone = try work.add("contact", ["account": a, "lastName": "Gone"])
        try work.database.write { try $0.delete("contact", gone) }

        let open = try work.add("opportunity", ["account": a, "name": "Line 2", "status": "open", "owner": "u-anna"])
        try work.add(
            "opportunity",
            [
                "account": a, "name": "Old", "status": "lost", "owner": "u-anna", "closeReason": "Price",
                "closeDate": "2026-10-01",
            ])

        let offer = try work.database.createOffer(offerDate: FieldWork.today) { change in
            change.set("account", to: a)
            change.set("taxRate", to: "19.00")
        }

        let call = try work.add(
            "activity", ["kind": "call", "subject": "Call", "account": a, "occurredAt": "2026-11-20T09:00:00Z"])
        let note = try work.add(
            "activity", ["kind": "note", "subject": "Note", "account": a, "occurredAt": "2026-11-22T09:00:00Z"])
        let openTask = try work.task(account, due: "2026-11-25")
        let doneTask = try work.task(account, due: "2026-11-19", status: "done")
        try work.database.edit("activity", doneTask) { $0.set("completedAt", to: "2026-11-21T09:00:00Z") }

        let past = try work.appointment(
            FieldWork.utc("2026-11-20T09:00"), FieldWork.utc("2026-11-20T10:00"), account: account)
        let running = try work.appointment(
            FieldWork.utc("2026-11-23T07:30"), FieldWork.utc("2026-11-23T08:30"), account: account)
        let next = try work.appointment(
            FieldWork.utc("2026-11-24T09:00"), FieldWork.utc("2026-11-24T10:00"), account: account)
        try work.appointment(
            FieldWork.utc("2026-11-25T09:00"), FieldWork.utc("2026-11-25T10:00"), account: account, status: "cancelled")

        let report = try work.add("visit_report", ["account": a, "visitDate": "2026-11-20"])
        let ticket = try work.add(
            "ticket",
            [
                "subject": "Broken", "account": a, "category": "quality", "status": "new",
                "openedAt": "2026-11-21T10:00:00Z",
            ])
        let contract = try work.add(
            "contract", ["name": "Service", "account": a, "kind": "service", "startDate": "2026-01-01"])
        let order = try work.fromServer("order", ["number": "O-1", "account": a, "orderDate": "2026-11-01"])
        let invoice = try work.fromServer("invoice", ["number": "I-1", "account": a, "invoiceDate": "2026-11-02"])
        try work.fromServer("invoice", ["number": "I-2", "account": .text(other), "invoiceDate": "2026-11-02"])

        let overview = try work.database.accountOverview(id: account)
        #expect(overview.account.id == account)
        #expect(overview.contacts.map(\.id) == [albers, schmidt])
        #expect(overview.opportunities.map(\.id) == [open])
        #expect(overview.offers.map(\.id) == [offer.id])
        #expect(overview.lastActivities.map(\.id) == [note, doneTask, call])
        #expect(overview.nextActivities.map(\.id) == [openTask])
        #expect(overview.lastAppointments.map(\.id) == [past])
        #expect(overview.nextAppointments.map(\.id) == [running, next])
        #expect(overview.visitReports.map(\.id) == [report])
        #expect(overview.tickets.map(\.id) == [ticket])
        #expect(overview.contracts.map(\.id) == [contract])
        #expect(overview.orders.map(\.id) == [order])
        #expect(overview.invoices.map(\.id) == [invoice])

        let limited = try work.database.accountOverview(id: account, recentLimit: 1)
        #expect(limited.lastActivities.map(\.id) == [note])
    }

    @Test func anEmptyAccountHasAnEmptyOverview() throws {
        let work = try FieldWork()
        let account = try work.account()
        let overview = try work.database.accountOverview(id: account)
        #expect(overview == AccountOverview(account: try #require(try work.database.record(account))))
    }

    @Test func missingDeletedOrOtherRecordsAreNotAccounts() throws {
        let work = try FieldWork()
        let account = try work.account()
        let task = try work.task(account, due: "2026-11-23")
        try work.database.write { try $0.delete("account", account) }
        for id in [account, "missing"] {
            #expect {
                try work.database.accountOverview(id: id)
            } throws: { error in
                guard case ClientError.recordNotFound(let missing) = error else { return false }
                return missing == id
            }
        }
        #expect {
            try work.database.accountOverview(id: task)
        } throws: { error in
            guard case ClientError.wrongEntity = error else { return false }
            return true
        }
    }
}
