import FieldbookClient
import FieldbookModel
import FieldbookSync
import Foundation
import Testing

@Suite("Opportunity workflow: phases, history, closing")
struct OpportunityWorkflowTests {
    private let clock = ManualClock(millis: 1_795_420_800_000)  // 2026-11-23T08:00:00Z

    private func database() throws -> ClientDatabase {
        let database = try ClientDatabase.inMemory(clock: clock)
        try database.edit("account", "acc-1") { $0.set("name", to: "Müller GmbH") }
        try database.edit("opportunity", "opp-1") { change in
            change.set("account", to: "acc-1")
            change.set("name", to: "Press line")
            change.set("status", to: "open")
            change.set("owner", to: "u-anna")
            change.set("amount", to: "10000.00")
        }
        return database
    }

    @Test func phaseChangesFollowThePipelineAndAreKeptInTheHistory() throws {
        let database = try database()
        let first = try database.changePhase(ofOpportunity: "opp-1", to: "proposal", user: "u-anna")
        #expect(first.value("phase") == "proposal" && first.value("probability") == "50.00")
        #expect(first.value("pipeline") == nil, "the built-in pipeline is not a record")
        clock.advance(by: 60_000)
        let second = try database.changePhase(ofOpportunity: "opp-1", to: "Negotiation", note: "price talks")
        #expect(second.value("phase") == "negotiation" && second.value("probability") == "75.00")

        let history = try database.history(ofOpportunity: "opp-1")
        #expect(history.map(\.kind) == [.phase, .phase])
        #expect(history.map(\.from) == [nil, "proposal"])
        #expect(history.map(\.to) == ["proposal", "negotiation"])
        #expect(history[0].subject == "Phase: Proposal (50%)")
        #expect(history[1].subject == "Phase: Proposal → Negotiation (75%)")
        #expect(history[0].owner == "u-anna")
        #expect(history.map { $0.at?.description } == ["2026-11-23T08:00:00Z", "2026-11-23T08:01:00Z"])
        let activity = try #require(try database.record(history[1].activity))
        #expect(activity.value("kind") == "note" && activity.value("account") == "acc-1")
        #expect(activity.value("description")?.text?.hasSuffix("price talks") == true)
    }

    @Test func unknownPhasesAreRefused() throws {
        let database = try database()
        #expect(throws: WorkflowError.unknownPhase(
            phase: "won-ish", pipeline: "standard", known: ["qualification", "needs_analysis", "proposal", "negotiation"]
        )) {
            try database.changePhase(ofOpportunity: "opp-1", to: "won-ish")
        }
        #expect(throws: ClientError.self) { try database.changePhase(ofOpportunity: "nope", to: "proposal") }
        #expect(try database.history(ofOpportunity: "opp-1").isEmpty)
    }

    @Test func closingNeedsAReasonAndEndsPhaseChanges() throws {
        let database = try database()
        let today = try #require(CalendarDate(year: 2026, month: 11, day: 23))
        #expect(throws: WorkflowError.reasonRequired(record: "opp-1", step: "closing opportunity")) {
            try database.closeOpportunity("opp-1", as: .lost, reason: " ", on: today)
        }
        #expect(try database.record("opp-1")?.value("status") == "open")

        let won = try database.closeOpportunity("opp-1", as: .won, reason: "best service", on: today)
        #expect(won.value("status") == "won" && won.value("closeReason") == "best service")
        #expect(won.value("closeDate") == "2026-11-23" && won.value("probability") == "100.00")
        #expect(won.value("forecastCategory") == "closed")
        #expect(throws: WorkflowError.opportunityClosed(opportunity: "opp-1", status: "won")) {
            try database.changePhase(ofOpportunity: "opp-1", to: "proposal")
        }
        #expect(throws: WorkflowError.opportunityClosed(opportunity: "opp-1", status: "won")) {
            try database.closeOpportunity("opp-1", as: .lost, reason: "changed mind", on: today)
        }
        let history = try database.history(ofOpportunity: "opp-1")
        #expect(history.map(\.kind) == [.close])
        #expect(history.first?.from == "open" && history.first?.to == "won")
    }

    @Test func theSchemaStillRefusesAClosingWithoutReasonThroughPlainEdits() throws {
        let database = try database()
        #expect(throws: ClientError.self) {
            try database.edit("opportunity", "opp-1") { change in
                change.set("status", to: "lost")
                change.set("closeDate", to: "2026-11-23")
            }
        }
    }
}
