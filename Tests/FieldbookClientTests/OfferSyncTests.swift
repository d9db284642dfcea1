import FieldbookClient
import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookServerCoreTesting
import FieldbookSync
import Foundation
import Testing

@Suite("Offers across replicas through a real sync")
struct OfferSyncTests {
    static let day = CalendarDate(year: 2025, month: 6, day: 15)!
    static let validity = CalendarDate(year: 2025, month: 7, day: 15)!

    /// A draft offer with one line, made on `client` for a new account.
    private func draftOffer(on client: SyncClient, owner: String = "user-anna") throws -> String {
        let account = ClientDatabase.newRecordID()
        try client.edit("account", account) { $0.set("name", to: "Weber AG") }
        let offer = try client.database.createOffer(offerDate: Self.day) { change in
            change.set("account", to: .text(account))
            change.set("taxRate", to: "19.00")
            change.set("owner", to: .text(owner))
        }
        try client.database.addOfferLine(
            to: offer.id, OfferLineInput(product: "p-1", quantity: DecimalNumber(2), listPrice: DecimalNumber(unchecked: "10.00")))
        return offer.id
    }

    private func syncAll(_ clients: SyncClient...) async throws {
        for client in clients { _ = try await client.sync() }
        for client in clients { _ = try await client.sync() }
    }

    @Test func anOfferSentOnTwoReplicasHasOneFollowUpTask() async throws {
        let world = try SyncWorld()
        let anna = try world.client("anna")
        let ben = try world.client("ben")
        let offerID = try draftOffer(on: anna)
        try await syncAll(anna, ben)

        try anna.database.sendOffer(offerID, on: Self.day, validUntil: Self.validity)
        (ben.database.clock as? ManualClock)?.advance(by: 5_000)
        try ben.database.sendOffer(offerID, on: Self.day, validUntil: Self.validity)
        try await syncAll(anna, ben)

        let taskID = OfferFollowUp.taskID(forOffer: offerID)
        for client in [anna, ben] {
            let status = try client.database.syncStatus()
            #expect(status.rejected.isEmpty && status.pendingCount == 0, "both sends were accepted")
            let tasks = try client.database.records("activity").filter { $0.value("kind") == "task" }
            #expect(tasks.map(\.id) == [taskID], "one follow-up task")
            #expect(tasks.first?.value("dueDate") == "2025-07-12" && tasks.first?.value("assignee") == "user-anna")
            #expect(tasks.first?.conflicts.isEmpty == true, "both devices wrote the same values")
            #expect(try client.database.record(offerID)?.value("status") == "sent")
        }
    }

    @Test func anAcceptedOfferGetsAFinalNumberFromTheServerOnce() async throws {
        let world = try SyncWorld()
        let anna = try world.client("anna")
        let ben = try world.client("ben")
        let offerID = try draftOffer(on: anna)
        try anna.database.sendOffer(offerID, on: Self.day, validUntil: Self.validity)
        try await syncAll(anna, ben)
        #expect(try anna.database.record(offerID)?.value("finalNumber") == nil, "a sent offer keeps its provisional number")

        try anna.database.acceptOffer(offerID, on: Self.day)
        try await syncAll(anna, ben)
        let server = try #require(try await world.harness.state(offerID))
        let number = try #require(server.value("finalNumber")?.text)
        #expect(number.hasPrefix("A-2025-") && number.count >= 11)
        for client in [anna, ben] {
            let offer = try #require(try client.database.record(offerID))
            #expect(offer.value("finalNumber") == .text(number))
            #expect(offer.value("provisionalNumber") != nil)
            #expect(try client.database.syncStatus().rejected.isEmpty)
        }
        // A retried or repeated acceptance writes nothing more (finalNumber is write-once).
        let again = try await world.service.author("offer", offerID, caller: .system) { builder in
            if builder.state.value("finalNumber") == nil { builder.set("finalNumber", to: "A-2025-9999") }
        }
        #expect(again == nil)
    }

    @Test func offersAcceptedConcurrentlyGetDistinctFinalNumbers() async throws {
        let world = try SyncWorld()
        let clients = try ["anna", "ben", "cara"].map { try world.client($0) }
        var offers: [String] = []
        for client in clients {
            for _ in 0..<3 {
                let id = try draftOffer(on: client)
                try client.database.sendOffer(id, on: Self.day, validUntil: Self.validity)
                try client.database.acceptOffer(id, on: Self.day)
                offers.append(id)
            }
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            // A push may be answered `unavailable` when the server's automation
            // loses too many races; the next sync pushes it again.
            for client in clients { group.addTask { _ = try? await client.sync() } }
            try await group.waitForAll()
        }
        for client in clients { _ = try await client.sync() }
        var numbers: [String] = []
        for id in offers {
            let state = try #require(try await world.harness.state(id))
            numbers.append(try #require(state.value("finalNumber")?.text, "offer \(id) numbered"))
        }
        #expect(Set(numbers).count == offers.count, "distinct final numbers: \(numbers)")
        #expect(numbers.allSatisfy { $0.hasPrefix("A-2025-") })
        #expect(SyncService.finalOfferNumber(year: 2026, position: 7) == "A-2026-0007")
        #expect(SyncService.finalOfferNumber(year: 2026, position: 12345) == "A-2026-12345")
    }
}
