import FieldbookClient
import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookServerCoreTesting
import FieldbookSync
import Foundation
import Testing

@Suite("Workflows across replicas through a real sync")
struct WorkflowSyncTests {
    /// A lead created by Anna and synced to Ben.
    private func sharedLead(_ anna: SyncClient, _ ben: SyncClient) async throws -> String {
        let leadID = ClientDatabase.newRecordID()
        try anna.edit("lead", leadID) { change in
            change.set("status", to: "new")
            change.set("companyName", to: "Weber AG")
            change.set("firstName", to: "Karin")
            change.set("lastName", to: "Weber")
            change.set("owner", to: "user-anna")
            change.set("followUpDate", to: "2025-06-20")
        }
        _ = try await anna.sync()
        _ = try await ben.sync()
        #expect(try ben.database.record(leadID) != nil)
        return leadID
    }

    private func syncAll(_ clients: SyncClient...) async throws {
        for client in clients { _ = try await client.sync() }
        for client in clients { _ = try await client.sync() }
    }

    @Test func aLeadConvertedOfflineOnTwoReplicasYieldsOneAccountContactAndOpportunity() async throws {
        let world = try SyncWorld()
        let anna = try world.client("anna")
        let ben = try world.client("ben")
        let leadID = try await sharedLead(anna, ben)

        let annas = try anna.database.convertLead(leadID, options: LeadConversionOptions(amount: 20000))
        (ben.database.clock as? ManualClock)?.advance(by: 5_000)
        let bens = try ben.database.convertLead(leadID, options: LeadConversionOptions(opportunityName: "Weber press"))
        #expect(annas.opportunity.id == bens.opportunity.id && annas.account.id == bens.account.id)
        try await syncAll(anna, ben)

        for client in [anna, ben] {
            let status = try client.database.syncStatus()
            #expect(status.rejected.isEmpty && status.pendingCount == 0, "every conversion change was accepted")
            for entity in ["account", "contact", "opportunity"] {
                let derived = try client.database.records(entity).filter {
                    ($0.value("sourceLead") ?? $0.value("lead")) == .text(leadID)
                }
                #expect(derived.count == 1, "one \(entity) from the lead")
            }
            #expect(try client.database.records("account").count == 1)
            #expect(try client.database.records("contact").count == 1)
            #expect(try client.database.records("opportunity").count == 1)
        }
        let ids = LeadConversion(lead: leadID)
        for id in [leadID, ids.account, ids.contact, ids.opportunity] {
            let a = try #require(try anna.database.record(id))
            let b = try #require(try ben.database.record(id))
            #expect(a.fieldValues == b.fieldValues, "\(id) converged")
            #expect(a.conflicts.map(\.id) == b.conflicts.map(\.id))
        }
        let opportunity = try #require(try anna.database.record(ids.opportunity))
        #expect(opportunity.value("amount") == "20000.00", "only Anna set an amount: merged in")
        #expect(opportunity.value("name") == "Weber press", "Ben's later name wins")
        #expect(opportunity.conflicts.map(\.slot) == [.field("name")], "the other name stays visible")
        let lead = try #require(try ben.database.record(leadID))
        #expect(lead.value("convertedOpportunity") == .text(ids.opportunity) && lead.value("status") == "qualified")
        #expect(throws: WorkflowError.self) { try anna.database.convertLead(leadID) }
    }

    @Test func concurrentPhaseChangesStayInTheHistoryAndResolveAlikeEverywhere() async throws {
        let world = try SyncWorld()
        let anna = try world.client("anna")
        let ben = try world.client("ben")
        let leadID = try await sharedLead(anna, ben)
        let opportunityID = try anna.database.convertLead(leadID).opportunity.id
        try await syncAll(anna, ben)

        try anna.database.changePhase(ofOpportunity: opportunityID, to: "proposal", user: "user-anna")
        (ben.database.clock as? ManualClock)?.advance(by: 60_000)
        try ben.database.changePhase(ofOpportunity: opportunityID, to: "negotiation", user: "user-ben")
        try await syncAll(anna, ben)

        for client in [anna, ben] {
            let history = try client.database.history(ofOpportunity: opportunityID)
            #expect(history.compactMap(\.to).sorted() == ["negotiation", "proposal"], "both changes in the history")
            #expect(Set(history.compactMap(\.owner)) == ["user-anna", "user-ben"])
            let opportunity = try #require(try client.database.record(opportunityID))
            #expect(opportunity.value("phase") == "negotiation", "the later change wins on every replica")
            #expect(opportunity.value("probability") == "75.00")
            #expect(opportunity.conflicts.map(\.slot).contains(.field("phase")), "the other phase stays visible")
        }
        let a = try #require(try anna.database.record(opportunityID))
        let b = try #require(try ben.database.record(opportunityID))
        #expect(a.fieldValues == b.fieldValues)
        #expect(try anna.database.history(ofOpportunity: opportunityID) == ben.database.history(ofOpportunity: opportunityID))
    }

    @Test func divergentAccountChoicesStayVisibleInsteadOfMergingSilently() async throws {
        let world = try SyncWorld()
        let anna = try world.client("anna")
        let ben = try world.client("ben")
        try anna.account("acc-weber", "Weber AG")
        let leadID = try await sharedLead(anna, ben)

        try anna.database.convertLead(leadID, options: LeadConversionOptions(existingAccount: "acc-weber"))
        (ben.database.clock as? ManualClock)?.advance(by: 5_000)
        try ben.database.convertLead(leadID)  // Ben creates a new account instead
        try await syncAll(anna, ben)

        let ids = LeadConversion(lead: leadID)
        for client in [anna, ben] {
            #expect(try client.database.records("contact").count == 1)
            #expect(try client.database.records("opportunity").count == 1)
            let opportunity = try #require(try client.database.record(ids.opportunity))
            #expect(opportunity.conflicts.map(\.slot).contains(.field("account")), "both account choices are visible")
        }
        #expect(try await world.harness.state(leadID)?.value("convertedAccount") == "acc-weber", "write-once: first wins")
        #expect(try anna.database.record(leadID)?.value("convertedAccount") == "acc-weber")
        let rejected = try ben.database.syncStatus().rejected
        #expect(rejected.map(\.change.record) == [leadID], "Ben's lead link is refused and shown to him")
        #expect(rejected.first?.code == "business_rule")
    }

    @Test func anOpportunityWonOfflineTwiceYieldsOneOrderAuthoredByTheServer() async throws {
        let world = try SyncWorld()
        let anna = try world.client("anna")
        let ben = try world.client("ben")
        let leadID = try await sharedLead(anna, ben)
        let opportunityID = try anna.database.convertLead(leadID, options: LeadConversionOptions(amount: 5000)).opportunity.id
        try await syncAll(anna, ben)

        let day = try #require(CalendarDate(year: 2025, month: 6, day: 16))
        try anna.database.closeOpportunity(opportunityID, as: .won, reason: "best price", on: day)
        (ben.database.clock as? ManualClock)?.advance(by: 60_000)
        try ben.database.closeOpportunity(opportunityID, as: .won, reason: "fast delivery", on: day)
        try await syncAll(anna, ben)
        #expect(try anna.database.syncStatus().rejected.isEmpty && ben.database.syncStatus().rejected.isEmpty)

        // The server authored the order when the first win arrived (orders
        // are not rep-writable); the second win found it and wrote nothing.
        let orderID = WonOrder.id(forOpportunity: opportunityID)
        let order = try #require(try await world.harness.state(orderID), "the server made the order")
        #expect(order.value("opportunity") == .text(opportunityID))
        #expect(order.slots.values.flatMap { $0.entries.map(\.dot.replica) }.allSatisfy { $0 == world.service.configuration.serverReplica })
        // Processing the win again (a retried push, another instance) adds nothing.
        let won = try #require(try await world.harness.state(opportunityID))
        let again = try await world.service.author("order", orderID, caller: .system) { WonOrder.fill(&$0, from: won) }
        #expect(again == nil)
        try await syncAll(anna, ben)
        for client in [anna, ben] {
            let orders = try client.database.records("order")
            #expect(orders.map(\.id) == [orderID], "one order")
            #expect(orders.first?.value("netTotal") == "5000.00" && orders.first?.value("orderDate") == "2025-06-16")
            let opportunity = try #require(try client.database.record(opportunityID))
            #expect(opportunity.value("status") == "won" && opportunity.value("closeReason") == "fast delivery")
            #expect(opportunity.conflicts.map(\.slot).contains(.field("closeReason")), "Anna's reason stays visible")
            #expect(try client.database.history(ofOpportunity: opportunityID).filter { $0.kind == .close }.count == 2)
        }
    }

    @Test func theOfficePipelineSyncsAndDrivesPhasesAndTheForecast() async throws {
        let world = try SyncWorld()
        let office = SyncCaller(user: "user-eva", role: .office)
        let authored = try await world.service.author("pipeline", "pl-machines", caller: office) { change in
            change.set("name", to: "Machines")
            change.set("isDefault", to: true)
            var after: String?
            for (id, name, probability) in [("ph-lead", "Lead", "5.00"), ("ph-offer", "Offer", "40.00"), ("ph-deal", "Deal", "90.00")] {
                _ = change.insertItem(id, into: "phases", after: after, members: ["name": .text(name), "probability": .text(probability)])
                after = id
            }
        }
        #expect(authored?.result.status == .accepted)
        let anna = try world.client("anna")
        try anna.account("acc-1", "Müller GmbH")
        _ = try await anna.sync()

        let pipeline = try anna.database.defaultPipeline()
        #expect(pipeline.id == "pl-machines" && pipeline.phases.map(\.id) == ["ph-lead", "ph-offer", "ph-deal"])
        try anna.edit("opportunity", "opp-1") { change in
            for (field, value) in [("account", "acc-1"), ("name", "Line"), ("status", "open"), ("owner", "user-anna")] {
                change.set(field, to: .text(value))
            }
            change.set("amount", to: "1000.00")
        }
        let moved = try anna.database.changePhase(ofOpportunity: "opp-1", to: "off")
        #expect(moved.value("pipeline") == "pl-machines" && moved.value("phase") == "ph-offer")
        #expect(try anna.database.forecast().total.weighted == DecimalNumber(unchecked: "400.00"))
        let (summary, _) = try await anna.sync()
        #expect(summary.rejected == 0)
    }

    @Test func theServerRefusesAPushedClosingWithoutAReason() async throws {
        let world = try SyncWorld(configuration: .unscoped)
        let anna = try world.client("anna")
        try anna.account("acc-1", "Müller GmbH")
        try anna.edit("opportunity", "opp-1") { change in
            for (field, value) in [("account", "acc-1"), ("name", "Line"), ("status", "open"), ("owner", "user-anna")] {
                change.set(field, to: .text(value))
            }
        }
        _ = try await anna.sync()

        // A client that skipped local validation (an old or foreign client) pushes a bare closing.
        let bare = Fixtures.change(
            "opportunity", record: "opp-1", replica: Fixtures.ben, counter: 1, millis: Fixtures.now + 60_000,
            [Fixtures.set("status", "lost"), Fixtures.set("closeDate", "2025-06-15")]
        )
        let refused = try await world.harness.push(bare, as: Fixtures.ben)
        #expect(refused.rejectionCode == .businessRule)
        #expect(refused.reason?.contains("closeReason") == true)
        let withReason = Fixtures.change(
            "opportunity", record: "opp-1", replica: Fixtures.ben, counter: 2, millis: Fixtures.now + 60_000,
            [Fixtures.set("status", "lost"), Fixtures.set("closeDate", "2025-06-15"), Fixtures.set("closeReason", "price")]
        )
        #expect(try await world.harness.push(withReason, as: Fixtures.ben).status == .accepted)
        #expect(try await world.harness.state("opp-1")?.value("status") == "lost")
    }
}
