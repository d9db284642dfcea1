import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookSync
import Testing

@Suite("Server compaction")
struct CompactionTests {
    typealias F = Fixtures

    @Test func aSettledTombstoneIsPurgedAndLaterEditsAreRecordPurged() async throws {
        let harness = Harness()
        var anna = TestClient(F.anna, clock: harness.clock)
        var ben = TestClient(F.ben, clock: harness.clock)
        anna.edit("account", "acc-1") { $0.set("name", to: "Alt") }
        anna.edit("account", "acc-2") { $0.set("name", to: "Bleibt") }
        // Both download, then acknowledge with their next pull: both are active.
        for _ in 0..<2 {
            try await anna.sync(with: harness.service)
            try await ben.sync(with: harness.service)
        }
        #expect(try await harness.store.frontierState().acknowledgements.count == 2)
        anna.edit("account", "acc-1") { $0.delete() }
        try await anna.sync(with: harness.service)
        try await anna.sync(with: harness.service)
        var report = try await harness.service.compact()
        #expect(report.purged.isEmpty, "ben has not acknowledged the delete")
        try await ben.sync(with: harness.service)
        #expect(try await harness.service.compact().purged.isEmpty, "ben applied it but acknowledges it only next time")
        try await ben.sync(with: harness.service)
        report = try await harness.service.compact(batchSize: 1)
        #expect(report.stable.contains(Dot(replica: F.anna, counter: 3)))
        #expect(report.purged == [RecordRef(entity: "account", id: "acc-1")])
        #expect(try await harness.store.record("acc-1") == .purged(RecordRef(entity: "account", id: "acc-1")))
        #expect(try await harness.state("acc-2") != nil)
        // A late edit (e.g. from a replica re-syncing after retirement) cannot revive it.
        let late = F.change(record: "acc-1", replica: F.ben, counter: 1, [F.set("phone", "+49 711 555-0100")])
        #expect(try await harness.push(late, as: F.ben).rejectionCode == .recordPurged)
        // A fresh download no longer contains it.
        let download = try await harness.pull(F.office)
        #expect(download.snapshots.map(\.id) == ["acc-2"])
    }

    @Test func aTombstoneWithAnOpenConflictIsKept() async throws {
        let harness = Harness()
        var anna = TestClient(F.anna, clock: harness.clock)
        var ben = TestClient(F.ben, clock: harness.clock)
        anna.edit("account", "acc-1") { $0.set("name", to: "Alt") }
        try await anna.sync(with: harness.service)
        try await ben.sync(with: harness.service)
        anna.edit("account", "acc-1") { $0.delete() }
        ben.edit("account", "acc-1") { $0.set("phone", to: "+49 711 555-0100") }
        for _ in 0..<3 {
            try await anna.sync(with: harness.service)
            try await ben.sync(with: harness.service)
        }
        let report = try await harness.service.compact()
        #expect(report.purged.isEmpty)
        #expect(try await harness.state("acc-1")?.conflicts.map(\.kind) == [.deleteEdit])
    }

    @Test func theLogIsTruncatedBelowEveryAcknowledgementAndOldCursorsExpire() async throws {
        let harness = Harness()
        var anna = TestClient(F.anna, clock: harness.clock)
        let officeStart = try await harness.pull(F.office).cursor
        anna.edit("account", "acc-1") { $0.set("name", to: "A") }
        anna.edit("account", "acc-2") { $0.set("name", to: "B") }
        try await anna.sync(with: harness.service)
        try await anna.sync(with: harness.service)
        let report = try await harness.service.compact()
        #expect(report.logTruncatedThrough == 2)
        let expired = await #expect(throws: SyncServiceError.self) { try await harness.pull(F.office, cursor: officeStart) }
        #expect(expired?.code == .cursorExpired)
        #expect(expired?.code.httpStatus == 410)
        // The re-sync procedure: a download without cursor still has everything.
        let download = try await harness.pull(F.office)
        #expect(download.snapshots.map(\.id) == ["acc-1", "acc-2"])
        // Pushes after truncation still find the truncated dots known (unknown_dot, step 10).
        let edit = F.change(record: "acc-1", replica: F.office, counter: 1, [F.set("name", "A2", supersedes: [Dot(replica: F.anna, counter: 1)])])
        #expect(try await harness.push(edit, as: F.office, role: .office).status == .accepted)
    }
}
