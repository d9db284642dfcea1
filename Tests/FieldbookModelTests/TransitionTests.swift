import FieldbookModel
import FieldbookSync
import Testing

@Suite("Monotonic fields and change effects")
struct TransitionTests {
    let validator = SchemaValidator(options: .server(role: .rep))
    typealias F = Fixtures

    func closed(_ status: String) throws -> RecordState {
        try F.record(
            F.change("opportunity", F.opportunity),
            F.change("opportunity", counter: 2, millis: 2_000, [
                Operation(slot: .field("status"), value: .text(status), supersedes: [Dot(replica: F.anna, counter: 1)]),
                F.set("closeReason", "Price"), F.set("closeDate", "2025-03-01"),
            ])
        )
    }

    func reopen(_ current: RecordState, millis: UInt64 = 3_000, seen: Bool = true) -> Change {
        let supersedes = seen ? current.register(.field("status")).entries.map(\.dot) : []
        return F.change("opportunity", counter: 3, replica: F.office, millis: millis, [
            Operation(slot: .field("status"), value: "open", supersedes: supersedes)
        ])
    }

    @Test func wonCannotGoBack() throws {
        let won = try closed("won")
        #expect(validator.validate(change: reopen(won), current: won).map(\.code) == [.transitionNotAllowed])
        let lost = try closed("lost")
        #expect(validator.validate(change: reopen(lost), current: lost).isEmpty)
    }

    @Test func concurrentWriteThatWouldOverturnWonIsRejected() throws {
        let won = try closed("won")
        // Written without seeing "won", later in time: it would become the winner.
        #expect(validator.validate(change: reopen(won, millis: 5_000, seen: false), current: won).map(\.code)
            == [.transitionNotAllowed])
        // Earlier in time it only becomes a losing conflict entry; "won" stays.
        #expect(validator.validate(change: reopen(won, millis: 1_500, seen: false), current: won).isEmpty)
    }

    @Test func writeOnceFields() throws {
        let offer = try F.record(F.change("offer", F.offer))
        let renumber = F.change("offer", counter: 2, millis: 2_000, [
            Operation(slot: .field("provisionalNumber"), value: "P-anna-2", supersedes: [Dot(replica: F.anna, counter: 1)])
        ])
        #expect(validator.validate(change: renumber, current: offer).map(\.code) == [.writeOnce])
        let finalNumber = F.change("offer", counter: 1, replica: ReplicaID(unchecked: "server"), millis: 2_000, [
            F.set("finalNumber", "A-2025-0001")
        ])
        let system = SchemaValidator(options: .server(role: .system))
        #expect(system.validate(change: finalNumber, current: offer).isEmpty)
    }

    @Test func newRecordsMustBeComplete() {
        let issues = validator.validate(change: F.change("opportunity", [F.set("name", "Press line")]))
        #expect(issues.map(\.code) == [.requiredMissing, .requiredMissing, .requiredMissing])
        #expect(issues.compactMap(\.field) == ["account", "status", "owner"])
    }

    @Test func preexistingRecordProblemsDoNotBlockOtherEdits() throws {
        // An imported opportunity already lacks its owner; editing the name is still fine,
        // closing it without a reason is not.
        let incomplete = try F.record(F.change("opportunity", Array(F.opportunity.dropLast())))
        let rename = F.change("opportunity", counter: 2, millis: 2_000, [F.set("name", "Press line 2")])
        #expect(validator.validate(change: rename, current: incomplete).isEmpty)
        let close = F.change("opportunity", counter: 2, millis: 2_000, [F.set("status", "won")])
        #expect(validator.validate(change: close, current: incomplete).map(\.code.rawValue).sorted() == [
            "close_date_required", "close_reason_required",
        ])
    }
}
