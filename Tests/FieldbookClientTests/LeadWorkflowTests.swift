import FieldbookClient
import FieldbookModel
import FieldbookSync
import Foundation
import Testing

@Suite("Lead workflow: qualify, disqualify, convert")
struct LeadWorkflowTests {
    private func database() throws -> ClientDatabase {
        try ClientDatabase.inMemory(clock: ManualClock(millis: 1_795_420_800_000))  // 2026-11-23T08:00:00Z
    }

    private func lead(
        _ database: ClientDatabase, company: String? = "Weber Maschinenbau GmbH", last: String? = "Weber",
        email: String? = "k.weber@weber-mb.de", phone: String? = "+49 711 123456"
    ) throws -> String {
        let id = ClientDatabase.newRecordID()
        try database.edit("lead", id) { change in
            change.set("status", to: "new")
            change.set("source", to: "trade_fair")
            if let company { change.set("companyName", to: .text(company)) }
            change.set("firstName", to: "Karin")
            if let last { change.set("lastName", to: .text(last)) }
            if let email { change.set("email", to: .text(email)) }
            if let phone { change.set("phone", to: .text(phone)) }
            change.set("city", to: "Stuttgart")
            change.set("description", to: "Needs a press line")
            change.set("owner", to: "u-anna")
            change.set("followUpDate", to: "2026-11-27")
        }
        return id
    }

    @Test func conversionCreatesDerivedAccountContactAndOpportunityInOneTransaction() throws {
        let database = try database()
        let leadID = try lead(database)
        let pendingBefore = try database.outbox().count

        let result = try database.convertLead(
            leadID, options: LeadConversionOptions(amount: DecimalNumber(unchecked: "25000.00"))
        )
        let ids = LeadConversion(lead: leadID)
        #expect(result.account.id == ids.account && result.createdAccount)
        #expect(result.contact?.id == ids.contact)
        #expect(result.opportunity.id == ids.opportunity)
        #expect(try database.outbox().count == pendingBefore + 4, "account, contact, opportunity and lead")

        let account = try #require(try database.record(ids.account))
        #expect(account.value("name") == "Weber Maschinenbau GmbH")
        #expect(account.value("sourceLead") == .text(leadID))
        #expect(account.elements(of: "roles") == ["prospect"])
        #expect(account.items(of: "addresses").first?.members["city"] == "Stuttgart")
        let contact = try #require(try database.record(ids.contact))
        #expect(contact.value("account") == .text(ids.account) && contact.value("lastName") == "Weber")
        let opportunity = try #require(try database.record(ids.opportunity))
        #expect(opportunity.value("account") == .text(ids.account))
        #expect(opportunity.value("status") == "open" && opportunity.value("owner") == "u-anna")
        #expect(opportunity.value("phase") == "qualification", "the standard pipeline's first phase")
        #expect(opportunity.value("probability") == "10.00" && opportunity.value("amount") == "25000.00")
        #expect(opportunity.elements(of: "buyingCenter") == [ids.contact])
        #expect(opportunity.value("lead") == .text(leadID))

        let converted = try #require(try database.record(leadID))
        #expect(converted.value("status") == "qualified")
        #expect(converted.value("convertedAccount") == .text(ids.account))
        #expect(converted.value("convertedContact") == .text(ids.contact))
        #expect(converted.value("convertedOpportunity") == .text(ids.opportunity))
        #expect(converted.value("convertedAt") == "2026-11-23T08:00:00Z")
        #expect(try database.record(Lead.self, id: leadID)?.isConverted == true)
    }

    @Test func convertingTwiceIsRefusedAndWritesNothing() throws {
        let database = try database()
        let leadID = try lead(database)
        try database.convertLead(leadID)
        let pending = try database.outbox().count
        #expect(throws: WorkflowError.leadAlreadyConverted(lead: leadID, opportunity: LeadConversion(lead: leadID).opportunity)) {
            try database.convertLead(leadID)
        }
        #expect(throws: WorkflowError.self) { try database.disqualifyLead(leadID, reason: "duplicate") }
        #expect(try database.outbox().count == pending)
    }

    @Test func disqualifyingNeedsAReasonAndBlocksConversionUntilReopened() throws {
        let database = try database()
        let leadID = try lead(database)
        #expect(try database.record(Lead.self, id: leadID)?.isConverted == false)
        #expect(throws: WorkflowError.reasonRequired(record: leadID, step: "disqualifying lead")) {
            try database.disqualifyLead(leadID, reason: "  ")
        }
        let disqualified = try database.disqualifyLead(leadID, reason: "no budget")
        #expect(disqualified.value("status") == "disqualified" && disqualified.value("disqualifyReason") == "no budget")
        #expect(throws: WorkflowError.leadDisqualified(lead: leadID)) { try database.convertLead(leadID) }
        try database.edit("lead", leadID) { $0.set("status", to: "in_progress") }
        #expect(try database.qualifyLead(leadID).value("status") == "qualified")
        #expect(try database.convertLead(leadID).lead.value("status") == "qualified")
    }

    @Test func existingAccountsAreSuggestedByNameEmailAndPhoneAndCanBeLinked() throws {
        let database = try database()
        try database.edit("account", "acc-weber") { $0.set("name", to: "Weber Maschinenbau AG") }
        try database.edit("account", "acc-other") { $0.set("name", to: "Bauer KG") }
        try database.edit("contact", "con-bauer") { change in
            change.set("account", to: "acc-other")
            change.set("lastName", to: "Bauer")
            change.set("phone", to: "0711 / 123 456")
        }
        try database.edit("account", "acc-mail") { change in
            change.set("name", to: "Something else")
            change.set("email", to: "K.Weber@weber-mb.de")
        }
        let leadID = try lead(database)

        let suggestions = try database.accountSuggestions(forLead: leadID)
        #expect(suggestions.map(\.account) == ["acc-other", "acc-mail", "acc-weber"], "one reason each: by name")
        #expect(suggestions.first { $0.account == "acc-weber" }?.reasons == [.name], "legal form ignored")
        #expect(suggestions.first { $0.account == "acc-mail" }?.reasons == [.email], "case ignored")
        #expect(suggestions.first { $0.account == "acc-other" }?.reasons == [.phone], "via its contact, digits compared")

        let result = try database.convertLead(leadID, options: LeadConversionOptions(existingAccount: "acc-weber"))
        #expect(!result.createdAccount && result.account.id == "acc-weber")
        #expect(try database.record(LeadConversion(lead: leadID).account) == nil, "no account created")
        #expect(result.opportunity.value("account") == "acc-weber")
        #expect(try database.record(leadID)?.value("convertedAccount") == "acc-weber")
        #expect(throws: WorkflowError.accountNotFound(account: "nope")) {
            try database.convertLead(try lead(database), options: LeadConversionOptions(existingAccount: "nope"))
        }
    }

    @Test func aCompanyOnlyLeadConvertsWithoutAContact() throws {
        let database = try database()
        let leadID = try lead(database, last: nil)
        let result = try database.convertLead(leadID)
        #expect(result.contact == nil)
        #expect(try database.record(LeadConversion(lead: leadID).contact) == nil)
        #expect(try database.record(leadID)?.value("convertedContact") == nil)
    }
}
