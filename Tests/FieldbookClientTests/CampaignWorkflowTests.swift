import FieldbookClient
import FieldbookModel
import FieldbookSync
import Foundation
import Testing

@Suite("Campaigns: target group, templates, send run, responses")
struct CampaignWorkflowTests {
    private func contacts(_ recipients: [CampaignRecipient]) -> [String] { recipients.map(\.contact.id) }

    @Test func targetGroupsFollowEveryCriterionAndLeaveOptOutsOut() throws {
        let fixture = try MarketingFixture.standard()
        let database = fixture.database
        // Sorted by last name: Berg (Lena), Klein (Hans), Weber (Karin), Zorn (Max); Otto Adler refused e-mail.
        #expect(contacts(try database.campaignTargets("camp")) == ["c-lena", "c-hans", "c-karin", "c-max"])
        let machines = try CampaignTargetCriteria(industries: ["MASCHINENBAU"])
        #expect(contacts(try database.campaignTargets("camp", criteria: machines)) == ["c-lena", "c-karin", "c-max"])
        #expect(contacts(try database.campaignTargets("camp", criteria: try .init(abcClasses: ["b"]))) == ["c-hans"])
        #expect(contacts(try database.campaignTargets("camp", criteria: try .init(abcClasses: ["A,C"]))) == ["c-lena", "c-karin", "c-max"])
        for north in ["north", "N", "t-north"] {
            #expect(contacts(try database.campaignTargets("camp", criteria: try .init(territories: [north]))) == ["c-lena", "c-karin", "c-max"])
        }
        #expect(contacts(try database.campaignTargets("camp", criteria: try .init(interests: ["Presses"]))) == ["c-hans", "c-karin"], "contact or account interest")
        let both = try CampaignTargetCriteria(industries: ["Maschinenbau"], interests: ["robots"])
        #expect(contacts(try database.campaignTargets("camp", criteria: both)) == ["c-lena"], "all criteria must match")
        #expect(throws: MarketingError.invalidCriterion("ABC class D is not one of A, B, C")) {
            try CampaignTargetCriteria(abcClasses: ["D"])
        }
        #expect(try database.campaignMembers("camp").isEmpty, "looking selects nobody")
    }

    @Test func aLetterCampaignRespectsNoMailInstead() throws {
        let fixture = try MarketingFixture.standard(channel: "letter")
        #expect(contacts(try fixture.database.campaignTargets("camp")) == ["c-otto", "c-lena", "c-hans", "c-karin"])
    }

    @Test func previewFillsPlaceholdersAndUnknownOnesRefuseTheSendRun() throws {
        let fixture = try MarketingFixture.standard()
        let preview = try fixture.database.previewCampaign("camp", contact: "c-karin")
        #expect(preview.subject == "Presses for Müller GmbH")
        #expect(preview.body == "Dear Karin Weber, see you, Müller GmbH.")
        #expect(throws: MarketingError.templateNotFound(campaign: "camp", name: "Other")) {
            try fixture.database.previewCampaign("camp", contact: "c-karin", template: "Other")
        }

        let broken = try MarketingFixture.standard(body: "Hi {{contact.firstName}} {{contact.shoeSize}} {{ boss }} {{contact.shoeSize}}")
        #expect(throws: MarketingError.unknownPlaceholders(template: "Invitation", placeholders: ["contact.shoeSize", "boss"])) {
            try broken.database.previewCampaign("camp", contact: "c-karin")
        }
        let pending = try broken.database.outbox().count
        #expect(throws: MarketingError.self) { try broken.database.sendCampaign("camp") }
        #expect(try broken.database.campaignMembers("camp").isEmpty && broken.database.outbox().count == pending)
    }

    @Test func sendingTwiceCreatesOneMemberPerContact() throws {
        let fixture = try MarketingFixture.standard()
        let database = fixture.database
        let criteria = try CampaignTargetCriteria(industries: ["Maschinenbau"])
        let first = try database.sendCampaign("camp", criteria: criteria)
        #expect(first.template?.name == "Invitation")
        #expect(Set(first.sent.map(\.id)) == Set(["c-lena", "c-karin", "c-max"].map { MarketingIDs.campaignMember(campaign: "camp", contact: $0) }))
        for member in first.sent {
            #expect(member.value("status") == "sent" && member.value("sentAt") == "2026-11-23T08:00:00Z")
            #expect(member.value("account") == (member.value("contact") == "c-karin" ? "a-mueller" : "a-bauer"))
        }
        let second = try database.sendCampaign("camp")
        #expect(second.sent.map { $0.value("contact")?.text } == ["c-hans"], "the rest of the group; nobody twice")
        #expect(second.alreadySent.count == 3)
        #expect(try database.campaignMembers("camp").count == 4)
    }

    @Test func selectedMembersAreWhatASendWithoutCriteriaSends() throws {
        let fixture = try MarketingFixture.standard()
        let database = fixture.database
        let selected = try database.selectCampaignTargets("camp", criteria: try .init(abcClasses: ["B"]))
        #expect(contacts(selected) == ["c-hans"])
        let members = try database.campaignMembers("camp")
        #expect(members.count == 1 && members.first?.value("status") == nil, "selected, not sent")
        let sent = try database.sendCampaign("camp")
        #expect(sent.sent.map(\.id) == [MarketingIDs.campaignMember(campaign: "camp", contact: "c-hans")])
        #expect(try database.campaignMembers("camp").map { $0.value("status") } == ["sent"])
    }

    @Test func responsesBecomeLeadsOrTasksAndOptOutsLeaveTheNextGroup() throws {
        let fixture = try MarketingFixture.standard()
        let database = fixture.database
        try database.sendCampaign("camp")
        let karin = MarketingIDs.campaignMember(campaign: "camp", contact: "c-karin")
        let hans = MarketingIDs.campaignMember(campaign: "camp", contact: "c-hans")
        let lena = MarketingIDs.campaignMember(campaign: "camp", contact: "c-lena")
        let max = MarketingIDs.campaignMember(campaign: "camp", contact: "c-max")

        let asLead = try database.respondCampaignMember(karin, response: "Wants a demo", followUp: .lead(owner: nil, followUp: nil))
        let lead = try #require(asLead.lead)
        #expect(lead.value("source") == "campaign" && lead.value("campaign") == "camp" && lead.value("status") == "new")
        #expect(lead.value("companyName") == "Müller GmbH" && lead.value("lastName") == "Weber")
        #expect(lead.value("owner") == "u-anna", "the account owner by default")
        #expect(lead.value("followUpDate") == "2026-11-23")
        #expect(asLead.member.value("status") == "responded" && asLead.member.value("resultingLead") == .text(lead.id))
        #expect(asLead.member.value("respondedAt") == "2026-11-23T08:00:00Z")
        #expect(throws: MarketingError.responseAlreadyHandled(member: karin, record: "lead \(lead.id)")) {
            try database.respondCampaignMember(karin, followUp: .lead(owner: nil, followUp: nil))
        }

        let due = try #require(CalendarDate(year: 2026, month: 11, day: 30))
        let asTask = try database.respondCampaignMember(hans, followUp: .task(assignee: "u-ben", due: due))
        let task = try #require(asTask.task)
        #expect(task.value("kind") == "task" && task.value("assignee") == "u-ben" && task.value("dueDate") == "2026-11-30")
        #expect(task.value("account") == "a-handel" && task.value("contact") == "c-hans" && task.value("campaign") == "camp")
        #expect(asTask.member.value("resultingActivity") == .text(task.id))

        #expect(try database.bounceCampaignMember(lena).value("status") == "bounced")
        #expect(throws: MarketingError.memberStatus(member: lena, status: "bounced", step: "respond")) {
            try database.respondCampaignMember(lena)
        }
        #expect(throws: MarketingError.memberStatus(member: karin, status: "responded", step: "bounce")) {
            try database.bounceCampaignMember(karin)
        }

        let optedOut = try database.optOutCampaignMember(max)
        #expect(optedOut.member.value("status") == "opted_out")
        #expect(optedOut.contact?.value("noEmail") == true, "an e-mail campaign sets noEmail")
        #expect(!contacts(try database.campaignTargets("camp")).contains("c-max"))
        #expect(throws: MarketingError.self) { try database.respondCampaignMember(max) }
    }

    @Test func storedCriteriaApplyWhenNoneAreGiven() throws {
        var fixture = try MarketingFixture.standard()
        let criteria = try CampaignTargetCriteria(abcClasses: ["B"])
        try fixture.office("campaign", "camp") { $0.set("targetCriteria", to: .text(criteria.encoded)) }
        #expect(try CampaignTargetCriteria(decoding: criteria.encoded) == criteria)
        #expect(contacts(try fixture.database.campaignTargets("camp")) == ["c-hans"])
        #expect(try fixture.database.sendCampaign("camp").sent.map { $0.value("contact")?.text } == ["c-hans"])
        try fixture.office("campaign", "camp") { $0.set("targetCriteria", to: "Mechanical engineering in the north") }
        #expect(throws: MarketingError.self, "prose is not a selection: nobody is sent to by accident") {
            try fixture.database.campaignTargets("camp")
        }
    }
}
