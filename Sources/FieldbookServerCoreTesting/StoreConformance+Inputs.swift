import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookSync
import Testing

extension StoreConformance {
    /// ``ServerStore/decisionInputs(for:)`` answers what the four single reads
    /// answer, for decided and undecided dots, live, purged, absent and
    /// indexed records.
    public static func decisionInputsAgreeWithSingleReads(_ store: any ServerStore) async throws {
        let scoped = F.account("acc-1", counter: 1)
        _ = try await commit(scoped, scope: ScopeFacts(root: .account("acc-1"), keys: ["territory:nord"], creator: "u-1"), to: store)
        let doomed = F.account("acc-2", counter: 2)
        let doomedAt = try await commit(doomed, to: store)
        try await store.purgeRecord("acc-2", revision: doomedAt)
        let refused = F.account("acc-3", replica: F.ben, counter: 1)
        try await store.recordRejection(Rejection(.businessRule, "no"), digest: ChangeDigest(of: refused), of: refused.dot)

        let probes = [
            scoped,  // decided (accepted), live, indexed
            F.change(counter: 3, [F.set("name", "Neu", supersedes: [scoped.dot])]),  // undecided, live
            F.change(record: "acc-2", counter: 3, [F.set("name", "Neu")]),  // purged
            refused,  // decided (rejected), absent
            F.account("acc-9", replica: F.office, counter: 1),  // unknown replica, absent
        ]
        for change in probes {
            let inputs = try await store.decisionInputs(for: change)
            let expected = DecisionInputs(
                decision: try await store.decision(for: change.dot),
                decidedCounter: try await store.decidedCounter(of: change.dot.replica),
                lookup: try await store.record(change.record),
                scopeEntry: try await store.scopeEntry(of: change.record)
            )
            #expect(inputs == expected, "\(change.dot) on \(change.record)")
        }
        let first = try await store.decisionInputs(for: scoped)
        #expect(first.decision?.isAccepted == true)
        #expect(first.scopeEntry?.facts.keys == ["territory:nord"])
        #expect(try await store.decisionInputs(for: probes[2]).lookup == .purged(RecordRef(entity: "account", id: "acc-2")))
    }
}
