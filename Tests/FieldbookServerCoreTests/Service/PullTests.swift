import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookSync
import Testing

@Suite("Pull")
struct PullTests {
    typealias F = Fixtures

    @Test func aPullWithoutCursorDownloadsEveryRecordThenFollowsTheLog() async throws {
        let harness = Harness()
        try await harness.push([F.account("acc-b", counter: 1), F.account("acc-a", counter: 2), F.account("acc-c", counter: 3)])
        let download = try await harness.pull(F.office)
        #expect(download.snapshots.map(\.id) == ["acc-a", "acc-b", "acc-c"], "bytewise ID order")
        #expect(download.changes.isEmpty, "the snapshots already hold everything up to the horizon")
        #expect(!download.hasMore)
        let next = try await harness.pull(F.office, cursor: download.cursor)
        #expect(next.itemCount == 0 && !next.hasMore, "an empty page is normal")
        try await harness.push(F.account("acc-d", counter: 4))
        let after = try await harness.pull(F.office, cursor: next.cursor)
        #expect(after.changes.map(\.record) == ["acc-d"])
    }

    @Test func changesAuthoredByThePullingReplicaAreOmitted() async throws {
        let harness = Harness()
        let start = try await harness.pull(F.anna).cursor
        try await harness.push(F.account(counter: 1))
        try await harness.push(F.account("acc-2", replica: F.office, counter: 1), as: F.office)
        try await harness.push(F.account("acc-3", counter: 2))
        let page = try await harness.pull(F.anna, cursor: start)
        #expect(page.changes.map(\.dot) == [Dot(replica: F.office, counter: 1)])
        let again = try await harness.pull(F.anna, cursor: page.cursor)
        #expect(again.itemCount == 0, "the cursor moved past the own changes too")
    }

    @Test func pullIsSafeToRetry() async throws {
        let harness = Harness()
        try await harness.push([F.account(counter: 1), F.account("acc-2", counter: 2)])
        let download = try await harness.pull(F.office)
        try await harness.push(F.account("acc-3", counter: 3))
        let first = try await harness.pull(F.office, cursor: download.cursor, acknowledged: download.cursor)
        let frontier = try await harness.store.frontierState()
        let second = try await harness.pull(F.office, cursor: download.cursor, acknowledged: download.cursor)
        #expect(first.changes == second.changes)
        #expect(first.cursor == second.cursor)
        #expect(first.stable == second.stable)
        #expect(try await harness.store.frontierState() == frontier)
        #expect(try await harness.store.logHead() == 3)
    }

    @Test func stableIsTheMeetOfTheActiveReplicasAcknowledgements() async throws {
        let harness = Harness()
        try await harness.push([F.account(counter: 1), F.account("acc-2", counter: 2)])
        let office = try await harness.pull(F.office)
        #expect(office.stable == VersionVector(), "not active before its first acknowledgement")
        let acked = try await harness.pull(F.office, cursor: office.cursor, acknowledged: office.cursor)
        #expect(acked.stable == VersionVector([F.anna: 2]))
        // Anna acknowledges her download too: her own changes count for her.
        try await harness.push(F.account("acc-3", counter: 3))
        let anna = try await harness.pull(F.anna)
        let annaAcked = try await harness.pull(F.anna, cursor: anna.cursor, acknowledged: anna.cursor)
        #expect(annaAcked.stable == VersionVector([F.anna: 2]), "office has not acknowledged anna:3 yet")
        let officeNext = try await harness.pull(F.office, cursor: acked.cursor)
        let officeAcked = try await harness.pull(F.office, cursor: officeNext.cursor, acknowledged: officeNext.cursor)
        #expect(officeAcked.stable == VersionVector([F.anna: 3]))
    }

    @Test func acknowledgementsNeverGoBack() async throws {
        let harness = Harness()
        let download = try await harness.pull(F.office)
        try await harness.push(F.account(counter: 1))
        let page = try await harness.pull(F.office, cursor: download.cursor, acknowledged: download.cursor)
        let later = try await harness.pull(F.office, cursor: page.cursor, acknowledged: page.cursor)
        #expect(later.stable == VersionVector([F.anna: 1]))
        let older = try await harness.pull(F.office, cursor: page.cursor, acknowledged: download.cursor)
        #expect(older.stable == VersionVector([F.anna: 1]), "an older acknowledgement is ignored")
        #expect(try await harness.store.frontierState().acknowledgements[F.office]?.position == 1)
    }

    @Test func aDownloadCursorAcknowledgesNothing() async throws {
        let harness = Harness()
        try await harness.push([F.account(counter: 1), F.account("acc-2", counter: 2)])
        let first = try await harness.pull(F.office, limit: 1)
        #expect(first.hasMore)
        let second = try await harness.pull(F.office, cursor: first.cursor, limit: 1, acknowledged: first.cursor)
        #expect(second.stable == VersionVector())
        #expect(try await harness.store.frontierState().acknowledgements.isEmpty)
    }

    @Test func cursorsAreCheckedForReplicaAndPosition() async throws {
        let harness = Harness()
        try await harness.push(F.account(counter: 1))
        let office = try await harness.pull(F.office)
        let stolen = await #expect(throws: SyncServiceError.self) { try await harness.pull(F.ben, cursor: office.cursor) }
        #expect(stolen?.code == .invalidCursor)
        let garbage = await #expect(throws: SyncServiceError.self) {
            try await harness.pull(F.office, cursor: PullCursor("c1.L1.0000000000000000"))
        }
        #expect(garbage?.code == .invalidCursor)
        let beyond = harness.service.configuration.cursors.encode(.log(99), for: F.office)
        let future = await #expect(throws: SyncServiceError.self) { try await harness.pull(F.office, cursor: beyond) }
        #expect(future?.code == .invalidCursor)
        let badAck = await #expect(throws: SyncServiceError.self) {
            try await harness.pull(F.office, cursor: office.cursor, acknowledged: PullCursor("nonsense"))
        }
        #expect(badAck?.code == .invalidCursor)
    }

    @Test func requestLevelChecks() async throws {
        let harness = Harness()
        let zero = await #expect(throws: SyncServiceError.self) { try await harness.pull(F.office, limit: 0) }
        #expect(zero?.code == .invalidRequest)
        let request = PullRequest(protocolVersion: 7, schemaVersion: 1, replica: F.office)
        let version = await #expect(throws: SyncServiceError.self) {
            try await harness.service.pull(request, caller: SyncCaller(role: .rep))
        }
        #expect(version?.code == .unsupportedProtocolVersion)
        let schema = PullRequest(schemaVersion: 0, replica: F.office)
        let schemaError = await #expect(throws: SyncServiceError.self) {
            try await harness.service.pull(schema, caller: SyncCaller(role: .rep))
        }
        #expect(schemaError?.code == .unsupportedSchemaVersion)
    }

    @Test func pagesAreCappedByTheServerMaximum() async throws {
        var configuration = SyncServiceConfiguration.unscoped
        configuration.limits.maxPageItems = 2
        let harness = Harness(configuration: configuration)
        try await harness.push((1...5).map { F.account("acc-\($0)", counter: UInt64($0)) })
        let page = try await harness.pull(F.office, limit: 10_000)
        #expect(page.itemCount == 2)
        #expect(page.hasMore)
    }

    @Test func aRetiredReplicaMustDownloadAgainAndIsReadmittedLater() async throws {
        let harness = Harness()
        try await harness.push(F.account(counter: 1))
        let download = try await harness.pull(F.office)
        _ = try await harness.pull(F.office, cursor: download.cursor, acknowledged: download.cursor)
        try await harness.service.retire(F.office)
        let retired = await #expect(throws: SyncServiceError.self) { try await harness.pull(F.office, cursor: download.cursor) }
        #expect(retired?.code == .replicaRetired)
        #expect(retired?.code.httpStatus == 409)
        // A retired replica may still push (SYNC.md §9.5 step 1).
        #expect(try await harness.push(F.account("acc-9", replica: F.office, counter: 1), as: F.office).status == .accepted)
        let again = try await harness.pull(F.office)
        #expect(again.snapshots.count == 2)
        #expect(again.stable == VersionVector(), "outside the frontier until it acknowledges again")
        let readmitted = try await harness.pull(F.office, cursor: again.cursor, acknowledged: again.cursor)
        #expect(readmitted.stable == VersionVector([F.anna: 1, F.office: 1]))
    }
}
