import FieldbookClient
import FieldbookModel
import FieldbookSync
import Foundation
import Testing

@Suite("Events and competitors")
struct EventCompetitorWorkflowTests {
    private func fixtureWithFair() throws -> MarketingFixture {
        var fixture = try MarketingFixture.standard()
        try fixture.office("event", "fair") { builder in
            builder.set("name", to: "Hannover Messe")
            builder.set("kind", to: "trade_fair")
            builder.set("startDate", to: "2027-04-20")
            builder.set("campaign", to: "camp")
        }
        return fixture
    }

    @Test func invitationsRegistrationsAndAttendanceKeepOneRegistrationPerContact() throws {
        let database = try fixtureWithFair().database
        let invited = try database.inviteToEvent("fair", contacts: ["c-karin", "c-hans"], invitedBy: "u-anna")
        #expect(invited.map(\.id) == [
            MarketingIDs.eventRegistration(event: "fair", contact: "c-karin"), MarketingIDs.eventRegistration(event: "fair", contact: "c-hans"),
        ])
        #expect(invited.allSatisfy { $0.value("status") == "invited" && $0.value("invitedBy") == "u-anna" })
        #expect(invited.first?.value("account") == "a-mueller")

        #expect(try database.setEventRegistration("fair", contact: "c-karin", status: "registered").value("status") == "registered")
        try database.inviteToEvent("fair", contacts: ["c-karin"])
        #expect(try database.record(invited[0].id)?.value("status") == "registered", "inviting again changes nothing")
        #expect(try database.setEventRegistration("fair", contact: "c-karin", status: "attended").value("status") == "attended")
        #expect(throws: MarketingError.self) { try database.setEventRegistration("fair", contact: "c-karin", status: "invited") }
        let walkIn = try database.setEventRegistration("fair", contact: "c-lena", status: "attended")
        #expect(walkIn.value("account") == "a-bauer" && walkIn.value("invitedBy") == nil)
        #expect(try database.eventRegistrations("fair").count == 3)
        #expect(throws: ClientError.self) { try database.inviteToEvent("fair", contacts: ["nobody"]) }
    }

    @Test func leadsFromTheEventCarryTheSourceTheEventAndItsCampaign() throws {
        let database = try fixtureWithFair().database
        let lead = try database.captureEventLead(
            "fair", EventLeadInput(company: "Weber Metallbau AG", firstName: "Karin", lastName: "Weber", owner: "u-anna")
        )
        #expect(lead.value("source") == "trade_fair" && lead.value("event") == "fair" && lead.value("campaign") == "camp")
        #expect(lead.value("status") == "new" && lead.value("followUpDate") == "2026-11-24", "follow up the next day")

        let fromContact = try database.captureEventLead("fair", EventLeadInput(lastName: "Klein", owner: "u-anna", contact: "c-hans"))
        let registration = try #require(try database.record(MarketingIDs.eventRegistration(event: "fair", contact: "c-hans")))
        #expect(registration.value("status") == "attended" && registration.value("resultingLead") == .text(fromContact.id))
        #expect(Set(try database.eventLeads("fair").map(\.id)) == [lead.id, fromContact.id])

        #expect(throws: MarketingError.leadUnnamed) { try database.captureEventLead("fair", EventLeadInput(firstName: "Anon", owner: "u-anna")) }
        #expect(throws: ClientError.self) { try database.captureEventLead("fair", EventLeadInput(company: "No owner GmbH")) }
        #expect(try database.eventLeads("fair").count == 2, "refused captures write nothing")
    }

    @Test func competitorsAreLinkedPerOpportunityAndCollectObservations() throws {
        let database = try MarketingFixture.standard().database
        try database.edit("competitor", "comp") { $0.set("name", to: "PressCo") }
        try database.edit("opportunity", "opp") { builder in
            builder.set("account", to: "a-mueller")
            builder.set("name", to: "Press line")
            builder.set("status", to: "open")
            builder.set("owner", to: "u-anna")
        }
        #expect(try database.setOpportunityCompetitor("opp", competitor: "comp", linked: true).elements(of: "competitors") == ["comp"])
        #expect(try database.opportunities(withCompetitor: "comp").map(\.id) == ["opp"])
        #expect(throws: ClientError.self) {
            try database.setOpportunityCompetitor("opp", competitor: "ghost", linked: true)
        }

        let day = try #require(CalendarDate(year: 2026, month: 11, day: 20))
        try database.observeCompetitor("comp", CompetitorObservation(date: day, note: "Offered 8 % off", account: "a-mueller", opportunity: "opp"))
        let observed = try database.observeCompetitor("comp", CompetitorObservation(date: day.adding(days: 1), note: "Demo at Bauer"))
        #expect(observed.items(of: "observations").map { $0.members["note"]?.text } == ["Offered 8 % off", "Demo at Bauer"])
        #expect(observed.items(of: "observations").first?.members["opportunity"] == "opp")
        #expect(throws: ClientError.self) { try database.observeCompetitor("comp", CompetitorObservation(date: day, note: "x", account: "ghost")) }

        #expect(try database.setOpportunityCompetitor("opp", competitor: "comp", linked: false).elements(of: "competitors").isEmpty)
        #expect(try database.opportunities(withCompetitor: "comp").isEmpty)
    }
}
