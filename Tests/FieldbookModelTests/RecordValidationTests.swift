import FieldbookModel
import FieldbookSync
import Testing

@Suite("Record validation")
struct RecordValidationTests {
    let validator = SchemaValidator()
    typealias F = Fixtures

    func codes(_ entity: String, _ ops: [Operation]) throws -> [String] {
        validator.validate(record: try F.record(F.change(entity, ops))).map(\.code.rawValue)
    }

    @Test func completeRecordsPass() throws {
        #expect(try codes("account", F.account) == [])
        #expect(try codes("opportunity", F.opportunity) == [])
        #expect(try codes("offer", F.offer) == [])
    }

    @Test func requiredFieldsAndMembers() throws {
        #expect(try codes("account", [F.set("industry", "Maschinenbau")]) == ["required_missing"])
        #expect(try codes("account", [F.set("name", nil)]) == ["required_missing"])
        let issues = validator.validate(record: try F.record(F.change("contact", [F.set("firstName", "Eva")])))
        #expect(issues.map(\.field) == ["account", "lastName"])
        #expect(try codes("pipeline", [F.set("name", "Standard")]) == ["required_missing"])  // phases list
        let phase: [Operation] = [
            F.set("name", "Standard"), Operation(slot: .item("p1", of: "phases"), value: true),
            Operation(slot: .member("name", ofItem: "p1", in: "phases"), value: "Qualification"),
        ]
        let missing = validator.validate(record: try F.record(F.change("pipeline", phase)))
        #expect(missing.map(\.code) == [.requiredMissing])
        #expect(missing.first?.field == "phases" && missing.first?.member == "probability")
        let team = [F.set("name", "Süd"), Operation(slot: .element("bad id", of: "members"), value: true)]
        #expect(try codes("team", team) == ["invalid_set_element"])
    }

    @Test func opportunityClosedNeedsReasonAndDate() throws {
        let won = F.opportunity + [F.set("status", "won")]
        #expect(try codes("opportunity", won).sorted() == ["close_date_required", "close_reason_required"])
        let complete = won + [F.set("closeReason", "Best price"), F.set("closeDate", "2025-03-01")]
        #expect(try codes("opportunity", complete) == [])
        for status in ["lost", "cancelled"] {
            #expect(try codes("opportunity", F.opportunity + [F.set("status", .text(status))]).contains("close_reason_required"))
        }
    }

    @Test func appointmentEndsAfterStart() throws {
        let base = [F.set("subject", "Visit")]
        let same = base + [F.set("start", "2025-03-04T08:30:00Z"), F.set("end", "2025-03-04T08:30:00Z")]
        #expect(try codes("appointment", same) == ["end_not_after_start"])
        let before = base + [F.set("start", "2025-03-04T08:30:00Z"), F.set("end", "2025-03-03T09:30:00Z")]
        #expect(try codes("appointment", before) == ["end_not_after_start"])
        let fine = base + [F.set("start", "2025-03-04T08:30:00Z"), F.set("end", "2025-03-04T09:30:00Z")]
        #expect(try codes("appointment", fine) == [])
    }

    @Test func offerValidity() throws {
        #expect(try codes("offer", F.offer + [F.set("validUntil", "2025-02-28")]) == ["validity_before_offer_date"])
        #expect(try codes("offer", F.offer + [F.set("validUntil", "2025-03-01")]) == [])
        #expect(try codes("offer", F.offer + [F.set("status", "sent")]) == ["validity_required"])
    }

    @Test func ticketClosedNeedsMeasure() throws {
        let ticket = [
            F.set("subject", "Broken housing"), F.set("account", "acc-1"), F.set("category", "damage"),
            F.set("openedAt", "2025-03-01T10:00:00Z"),
        ]
        #expect(try codes("ticket", ticket + [F.set("status", "new")]) == [])
        #expect(try codes("ticket", ticket + [F.set("status", "closed")]).sorted() == ["closed_at_required", "measure_required"])
        let closed = ticket + [F.set("status", "closed"), F.set("measure", "exchange"), F.set("closedAt", "2025-02-01T10:00:00Z")]
        #expect(try codes("ticket", closed) == ["closed_before_opened"])
    }

    @Test func otherBusinessRules() throws {
        let lead = [F.set("status", "disqualified"), F.set("companyName", "Acme")]
        #expect(try codes("lead", lead) == ["disqualify_reason_required"])
        #expect(try codes("lead", [F.set("status", "new"), F.set("owner", "u1"), F.set("followUpDate", "2025-03-01")])
            == ["lead_name_required"])
        #expect(try codes("lead", [F.set("status", "new"), F.set("lastName", "Huber")]).sorted() == [
            "open_lead_unassigned", "open_lead_unassigned",
        ])
        let contract = [
            F.set("name", "Wartung"), F.set("account", "acc-1"), F.set("kind", "maintenance"),
            F.set("startDate", "2025-01-01"), F.set("autoRenewal", true),
        ]
        #expect(try codes("contract", contract) == ["renewal_term_required"])
        #expect(try codes("contract", contract + [F.set("renewalTermMonths", 12)]) == [])
        let task = [F.set("kind", "task"), F.set("subject", "Call back"), F.set("account", "acc-1")]
        #expect(try codes("activity", task).sorted() == ["task_incomplete", "task_incomplete", "task_incomplete"])
        let call = [F.set("kind", "call"), F.set("subject", "Call"), F.set("account", "acc-1")]
        #expect(try codes("activity", call) == ["history_time_required"])
    }

    @Test func tombstonesHaveNoIssues() throws {
        let deleted = try F.record(
            F.change("account", [F.set("industry", "x")]), F.change("account", counter: 2, [Operation(slot: .deleted, value: true)])
        )
        #expect(validator.validate(record: deleted).isEmpty)
    }

    @Test func unknownFieldsInRecords() throws {
        let record = try F.record(F.change("account", F.account + [F.set("churnRisk", "high")]))
        #expect(validator.validate(record: record).map(\.code) == [.unknownField])
        let preserved = SchemaValidator(options: .preserving).validate(record: record)
        #expect(preserved.map(\.code) == [.unknownField] && !preserved.hasErrors)
    }
}
