import FieldbookClient
import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookServerCoreTesting
import FieldbookSync
import Foundation
import Testing

@Suite("Marketing workflows across replicas through a real sync")
struct MarketingSyncTests {
    private func syncAll(_ clients: SyncClient...) async throws {
        for client in clients { _ = try await client.sync() }
        for client in clients { _ = try await client.sync() }
    }

    /// The office's campaign and event, and Anna's customers, on both replicas.
    private func world() async throws -> (SyncWorld, SyncClient, SyncClient) {
        let world = try SyncWorld()
        let office = SyncCaller(user: "user-eva", role: .office)
        _ = try await world.service.author("campaign", "camp", caller: office) { builder in
            builder.set("name", to: "Spring presses")
            builder.set("channel", to: "letter")
            _ = builder.insertItem(
                "tpl", into: "templates", after: nil,
                members: ["kind": "letter", "name": "Letter", "body": "Dear {{contact.lastName}}"]
            )
        }
        _ = try await world.service.author("event", "fair", caller: office) { builder in
            builder.set("name", to: "Hannover Messe")
            builder.set("kind", to: "trade_fair")
            builder.set("startDate", to: "2026-04-20")
        }
        let anna = try world.client("anna")
        let ben = try world.client("ben")
        try anna.account("acc-1", "Müller GmbH")
        for (id, last) in [("c-1", "Weber"), ("c-2", "Klein"), ("c-3", "Berg")] {
            try anna.edit("contact", id) { builder in
                builder.set("lastName", to: .text(last))
                builder.set("account", to: "acc-1")
            }
        }
        try await syncAll(anna, ben)
        return (world, anna, ben)
    }

    @Test func theSameCampaignSentOnTwoReplicasGivesOneMemberPerContact() async throws {
        let (_, anna, ben) = try await world()
        let annas = try anna.database.sendCampaign("camp")
        (ben.database.clock as? ManualClock)?.advance(by: 60_000)
        let bens = try ben.database.sendCampaign("camp")
        #expect(annas.sent.count == 3 && bens.sent.count == 3, "both offline: each sends to everyone")
        #expect(Set(annas.sent.map(\.id)) == Set(bens.sent.map(\.id)), "the same derived member IDs")
        try await syncAll(anna, ben)

        for client in [anna, ben] {
            let status = try client.database.syncStatus()
            #expect(status.rejected.isEmpty && status.pendingCount == 0)
            let members = try client.database.campaignMembers("camp")
            #expect(members.count == 3, "one member per contact")
            #expect(Set(members.compactMap { $0.value("contact")?.text }) == ["c-1", "c-2", "c-3"])
            #expect(members.allSatisfy { $0.value("status") == "sent" })
            let again = try client.database.sendCampaign("camp")
            #expect(again.sent.isEmpty && again.alreadySent.count == 3)
        }
    }

    @Test func twoRepsCapturingLeadsAtTheSameEventKeepBoth() async throws {
        let (_, anna, ben) = try await world()
        let annas = try anna.database.captureEventLead("fair", EventLeadInput(company: "Weber AG", lastName: "Weber", owner: "user-anna"))
        let bens = try ben.database.captureEventLead("fair", EventLeadInput(company: "Klein KG", lastName: "Klein", owner: "user-ben"))
        try await syncAll(anna, ben)
        for client in [anna, ben] {
            #expect(try client.database.syncStatus().rejected.isEmpty)
            let leads = try client.database.eventLeads("fair")
            #expect(Set(leads.map(\.id)) == [annas.id, bens.id])
            #expect(leads.allSatisfy { $0.value("source") == "trade_fair" && $0.value("event") == "fair" })
        }
    }

    @Test func anAcceptedOfferWinsItsOpportunityAndTheServerCreatesTheOrder() async throws {
        let (world, anna, ben) = try await world()
        try anna.edit("opportunity", "opp") { builder in
            builder.set("account", to: "acc-1")
            builder.set("name", to: "Press line")
            builder.set("status", to: "open")
            builder.set("owner", to: "user-anna")
            builder.set("amount", to: "50000.00")
        }
        let day = try #require(CalendarDate(year: 2026, month: 5, day: 4))
        let offer = try anna.database.createOffer("offer-1", offerDate: day) { builder in
            builder.set("account", to: "acc-1")
            builder.set("contact", to: "c-1")
            builder.set("opportunity", to: "opp")
            builder.set("taxRate", to: "19.00")
            builder.set("owner", to: "user-anna")
        }
        try anna.database.addOfferLine(
            to: offer.id,
            OfferLineInput(product: "p-1", quantity: DecimalNumber(unchecked: "3"), listPrice: DecimalNumber(unchecked: "100.00"))
        )
        try anna.database.sendOffer(offer.id, on: day, validUntil: day.adding(days: 30))
        try anna.database.acceptOffer(offer.id, on: day)
        try await syncAll(anna, ben)

        let won = try #require(try await world.service.store.record("opp").record?.state)
        #expect(won.value("status") == "won" && won.value("closeDate") != nil)
        let finalNumber = try #require(try await world.service.store.record("offer-1").record?.state.value("finalNumber")?.text)
        #expect(won.value("closeReason") == .text("Offer \(finalNumber) accepted"))
        for client in [anna, ben] {
            let orders = try client.database.records("order")
            #expect(orders.count == 1)
            let order = try #require(orders.first)
            #expect(order.id == WonOrder.id(forOpportunity: "opp"))
            #expect(order.value("offer") == "offer-1" && order.value("contact") == "c-1")
            #expect(order.value("netTotal") == "300.00" && order.value("grossTotal") == "357.00", "3 × 100.00 + 19 %")
            #expect(try client.database.record("opp")?.value("status") == "won")
        }
    }

    @Test func theOfficeAcceptingASentOfferWinsTheOpportunityWithoutBlockingTheServer() async throws {
        let (world, anna, ben) = try await world()
        try anna.edit("opportunity", "opp") { builder in
            builder.set("account", to: "acc-1")
            builder.set("name", to: "Press line")
            builder.set("status", to: "open")
            builder.set("owner", to: "user-anna")
        }
        let day = try #require(CalendarDate(year: 2026, month: 5, day: 4))
        try anna.database.createOffer("offer-2", offerDate: day) { builder in
            builder.set("account", to: "acc-1")
            builder.set("opportunity", to: "opp")
            builder.set("taxRate", to: "7.00")
            builder.set("owner", to: "user-anna")
        }
        try anna.database.addOfferLine(
            to: "offer-2",
            OfferLineInput(product: "p-1", quantity: DecimalNumber(unchecked: "2"), listPrice: DecimalNumber(unchecked: "50.00"))
        )
        try anna.database.sendOffer("offer-2", on: day, validUntil: day.adding(days: 30))
        try await syncAll(anna, ben)

        // What the office API does for PATCH /v1/records/offer/offer-2: an authored change.
        let office = SyncCaller(user: "user-eva", role: .office)
        let accepted = try await world.service.author("offer", "offer-2", caller: office) { $0.set("status", to: "accepted") }
        #expect(accepted?.result.status == .accepted)
        let offer = try #require(try await world.service.store.record("offer-2").record?.state)
        #expect(offer.value("finalNumber")?.text?.hasPrefix("A-2026-") == true, "the automation authored inside no turn of its own")
        try await syncAll(anna, ben)
        for client in [anna, ben] {
            #expect(try client.database.record("opp")?.value("status") == "won")
            let order = try #require(try client.database.record(WonOrder.id(forOpportunity: "opp")))
            #expect(order.value("offer") == "offer-2" && order.value("netTotal") == "100.00" && order.value("grossTotal") == "107.00")
        }
        #expect(try anna.database.records("order").count == 1)
    }
}
