import FieldbookClient
import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookServerCoreTesting
import FieldbookSync
import Foundation
import Testing

@Suite("Service workflows across replicas through a real sync")
struct ServiceSyncTests {
    static let office = SyncCaller(user: "user-eva", role: .office)

    private func syncAll(_ clients: SyncClient...) async throws {
        for client in clients { _ = try await client.sync() }
        for client in clients { _ = try await client.sync() }
    }

    /// An account owned by Anna and an open ticket on it, synced to the server.
    private func sharedTicket(_ anna: SyncClient) async throws -> String {
        try anna.edit("account", "acc-1") { $0.set("name", to: "Müller GmbH"); $0.set("owner", to: "user-anna") }
        try anna.edit("ticket", "tick-1") { builder in
            for (field, value): (String, Value) in [
                ("subject", "Pump leaks"), ("account", "acc-1"), ("category", "damage"), ("status", "new"),
                ("openedAt", "2025-06-15T08:00:00Z"), ("assignee", "user-anna"),
            ] { builder.set(field, to: value) }
        }
        try anna.database.moveTicket("tick-1", .start)
        _ = try await anna.sync()
        return "tick-1"
    }

    @Test func theOfficeClosesATicketWhileTheRepAddsAFollowUpOfflineAndBothSurvive() async throws {
        let world = try SyncWorld()
        let anna = try world.client("anna")
        let ticket = try await sharedTicket(anna)

        // The office resolves and closes it on the server…
        for (status, extra) in [("resolved", ["measure": "exchange"]), ("closed", ["closedAt": "2025-06-16T10:30:00Z"])] {
            let authored = try await world.service.author("ticket", ticket, caller: Self.office) { builder in
                builder.set("status", to: .text(status))
                for (field, value) in extra { builder.set(field, to: .text(value)) }
            }
            #expect(authored?.result.status == .accepted)
        }
        // …while Anna, offline, adds a follow-up and a note to the ticket.
        let day = try #require(CalendarDate(year: 2025, month: 6, day: 20))
        let followUp = try anna.database.addTicketFollowUp(ticket, subject: "Call back", due: day)
        try anna.edit("ticket", ticket) { $0.set("description", to: "Seal worn after 3 months") }
        try await syncAll(anna)

        #expect(try anna.database.syncStatus().rejected.isEmpty, "nothing of Anna's was refused")
        let merged = try #require(try anna.database.record(ticket))
        #expect(merged.value("status") == "closed" && merged.value("measure") == "exchange")
        #expect(merged.value("description") == "Seal worn after 3 months", "Anna's edit merged in")
        let onServer = try #require(try await world.harness.state(followUp.id), "the follow-up reached the server")
        #expect(onServer.value("ticket") == .text(ticket) && onServer.value("status") == "open")
        #expect(try await world.harness.state(ticket)?.fieldValues == merged.fieldValues, "server and replica agree")
        #expect(try anna.database.ticketActivities(ticket).map(\.id) == [followUp.id])
    }

    @Test func theServerRefusesAnInvalidTicketTransitionWithAReason() async throws {
        let world = try SyncWorld()
        let anna = try world.client("anna")
        let ticket = try await sharedTicket(anna)
        let skip = try await world.service.author("ticket", ticket, caller: Self.office) { $0.set("status", to: "new") }
        #expect(skip?.result.status == .rejected)
        #expect(skip?.result.reason?.contains("may not change from in_progress to new") == true)
        let unmeasured = try await world.service.author("ticket", ticket, caller: Self.office) {
            $0.set("status", to: "resolved")
        }
        #expect(unmeasured?.result.status == .rejected)
        #expect(unmeasured?.result.reason?.contains("measure") == true)
        #expect(try await world.harness.state(ticket)?.value("status") == "in_progress")
    }

    @Test func aDeliveredOrderGetsOneSatisfactionCallForTheAccountOwner() async throws {
        let world = try SyncWorld()
        let anna = try world.client("anna")
        try anna.edit("account", "acc-1") { $0.set("name", to: "Müller GmbH"); $0.set("owner", to: "user-anna") }
        _ = try await anna.sync()
        let order = "ord-1"
        let created = try await world.service.author("order", order, caller: Self.office) { builder in
            for (field, value): (String, Value) in [
                ("number", "A-1001"), ("account", "acc-1"), ("orderDate", "2025-06-01"), ("status", "in_delivery"),
            ] { builder.set(field, to: value) }
        }
        #expect(created?.result.status == .accepted)
        let taskID = SatisfactionCall.taskID(forOrder: order)
        #expect(try await world.harness.state(taskID) == nil, "not delivered yet: no call")

        for _ in 0..<2 {  // delivered twice (e.g. a corrected delivery date): still one task
            _ = try await world.service.author("order", order, caller: Self.office) { builder in
                builder.set("status", to: "delivered")
                builder.set("deliveryDate", to: "2025-06-10")
            }
        }
        let task = try #require(try await world.harness.state(taskID), "the server scheduled the call")
        #expect(task.value("kind") == "task" && task.value("assignee") == "user-anna")
        let expectedDue = try #require(CalendarDate(year: 2025, month: 6, day: 10)).adding(days: SatisfactionCall.defaultDelayDays)
        #expect(task.value("dueDate") == expectedDue.value && expectedDue.description == "2025-06-17")

        _ = try await anna.sync()
        let list = try anna.database.worklist(
            on: expectedDue, timeZone: TimeZone(identifier: "UTC")!, options: WorklistOptions(user: "user-anna")
        )
        #expect(list.tasks.map(\.record.id) == [taskID], "the call is on Anna's worklist on its day")
        let calls = try anna.database.records("activity").filter { $0.value("generatedBy") == .text(SatisfactionCall.marker) }
        #expect(calls.count == 1)
    }

    @Test func aTaskDelegatedOfflineReachesTheDelegateesWorklist() async throws {
        let world = try SyncWorld()
        let anna = try world.client("anna")
        let ben = try world.client("ben")
        try anna.edit("account", "acc-1") { $0.set("name", to: "Müller GmbH") }
        try anna.edit("activity", "task-1") { builder in
            for (field, value): (String, Value) in [
                ("kind", "task"), ("subject", "Send brochure"), ("account", "acc-1"), ("assignee", "user-anna"),
                ("dueDate", "2025-06-16"), ("status", "open"),
            ] { builder.set(field, to: value) }
        }
        _ = try await anna.sync()
        try anna.database.delegateTask("task-1", to: "user-ben", by: "user-anna")
        try await syncAll(anna, ben)

        let day = try #require(CalendarDate(year: 2025, month: 6, day: 16))
        let bens = try ben.database.worklist(on: day, timeZone: TimeZone(identifier: "UTC")!, options: WorklistOptions(user: "user-ben"))
        #expect(bens.tasks.map(\.record.id) == ["task-1"])
        let task = try #require(try ben.database.record("task-1"))
        #expect(task.value("delegatedBy") == "user-anna" && task.value("delegatedAt") != nil)
    }

    @Test func twoReplicasSavingOneContractShareOneRenewalReminderAtTheLaterEndDate() async throws {
        let world = try SyncWorld()
        let anna = try world.client("anna")
        let ben = try world.client("ben")
        try anna.edit("account", "acc-1") { $0.set("name", to: "Bauer AG"); $0.set("owner", to: "user-anna") }
        try anna.database.saveContract("ctr-1") { builder in
            for (field, value): (String, Value) in [
                ("name", "Maintenance"), ("account", "acc-1"), ("kind", "maintenance"), ("startDate", "2025-01-01"),
                ("endDate", "2025-12-31"), ("status", "active"),
            ] { builder.set(field, to: value) }
        }
        try await syncAll(anna, ben)
        (ben.database.clock as? ManualClock)?.advance(by: 60_000)
        try ben.database.saveContract("ctr-1") { $0.set("endDate", to: "2026-03-31") }  // Ben extends it offline
        try await syncAll(anna, ben)

        for client in [anna, ben] {
            let reminders = try client.database.records("activity").filter {
                $0.value("generatedBy") == .text(ContractRenewal.marker)
            }
            #expect(reminders.map(\.id) == [ContractRenewal.taskID(forContract: "ctr-1")])
            // 2026-03-31 − 30 default reminder days.
            #expect(reminders.first?.value("dueDate") == "2026-03-01")
        }
    }
}
