import FieldbookClient
import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookServerCoreTesting
import FieldbookSync
import Foundation
import Testing

@Suite("Sync engine against the in-process server")
struct SyncEngineTests {
    @Test func twoClientsConvergeThroughTheServer() async throws {
        let world = try SyncWorld()
        let anna = try world.client("anna")
        let ben = try world.client("ben")
        try anna.account("acc-1", "Müller GmbH")
        try anna.account("acc-2", "Bauer KG")
        try ben.account("acc-3", "Schmidt AG")

        let (first, _) = try await anna.sync()
        #expect(first.pushed == 2 && first.accepted == 2 && first.rejected == 0)
        let (second, _) = try await ben.sync()
        #expect(second.pushed == 1)
        #expect(second.snapshots == 3, "ben's first pull downloads the whole scope, his own account included")
        let (third, _) = try await anna.sync()
        #expect(third.pushed == 0)
        #expect(third.pulled == 1 && third.applied == 1, "anna receives ben's account as a change")

        // Concurrent edits of one field: both sides end with the same conflict.
        try anna.edit("account", "acc-1") { $0.set("name", to: "Müller (Anna)") }
        try ben.edit("account", "acc-1") { $0.set("name", to: "Müller (Ben)") }
        _ = try await anna.sync()
        let (benAfter, _) = try await ben.sync()
        let (annaAfter, _) = try await anna.sync()
        #expect(benAfter.conflicts == 1 && annaAfter.conflicts == 1)
        for id in ["acc-1", "acc-2", "acc-3"] {
            let a = try #require(try anna.database.record(id))
            let b = try #require(try ben.database.record(id))
            #expect(a.fieldValues == b.fieldValues, "\(id) converged")
            #expect(a.conflicts.map(\.id) == b.conflicts.map(\.id))
        }
        let status = try anna.database.syncStatus()
        #expect(status.pendingCount == 0 && status.lastSyncError == nil && status.lastSyncAt != nil)
        #expect(status.serverURL == "memory://server")
    }

    @Test func aRejectedChangeStaysVisibleWithItsReasonAndCanBeDiscarded() async throws {
        let world = try SyncWorld(configuration: SyncWorld.lockingConfiguration())
        let anna = try world.client("anna")
        try anna.account("acc-1", "Müller GmbH")
        try anna.account("locked-1", "Locked Ltd")

        let (summary, _) = try await anna.sync()
        #expect(summary.pushed == 2 && summary.accepted == 1 && summary.rejected == 1)
        let rejected = try #require(try anna.database.syncStatus().rejected.first)
        #expect(rejected.change.record == "locked-1")
        #expect(rejected.code == "forbidden" && rejected.reason == "this record is locked")
        #expect(try anna.name("locked-1") == "Locked Ltd", "still visible until discarded")
        #expect(try anna.database.syncStatus().pendingCount == 0)

        let (again, _) = try await anna.sync()
        #expect(again.pushed == 0, "a rejected change is never pushed again")
        try anna.database.discardRejected(dot: rejected.change.dot)
        #expect(try anna.database.record("locked-1") == nil)
        #expect(try anna.database.syncStatus().rejected.isEmpty)
    }

    @Test func aPushWhoseAnswerWasLostIsResumedWithoutLossOrDuplicates() async throws {
        let world = try SyncWorld()
        let anna = try world.client("anna", pushBatchSize: 2)
        for index in 1...5 { try anna.account("acc-\(index)", "Account \(index)") }
        anna.faults.loseAnswer(afterPushes: 1)

        await #expect(throws: SyncTransportError.self) { try await anna.engine.sync() }
        let failed = try anna.database.syncStatus()
        #expect(failed.pendingCount == 3, "the first batch is confirmed; the lost one stays pending")
        #expect(failed.lastSyncError?.contains("connection reset") == true)
        #expect(try await world.harness.store.decidedCounter(of: anna.database.replicaID) == 4)
        #expect(try anna.database.consistencyProblems().isEmpty)

        let (summary, _) = try await anna.sync()
        #expect(summary.pushed == 3 && summary.duplicates == 2 && summary.accepted == 3)
        let resent = anna.faults.pushRequests[2].changes
        #expect(resent == anna.faults.pushRequests[1].changes, "the same changes are sent again")
        #expect(try anna.database.syncStatus().lastSyncError == nil)

        let ben = try world.client("ben")
        let (download, _) = try await ben.sync()
        #expect(download.snapshots == 5)
        #expect(try ben.database.records("account").count == 5)
        let log = try await world.harness.store.readLog(after: 0, limit: 100, excludingAuthor: nil)
        #expect(log.entries.count == 5, "every change is in the server log once")
    }

    @Test func anInterruptedPullResumesFromTheLastAppliedPage() async throws {
        let world = try SyncWorld()
        let ben = try world.client("ben")
        for index in 1...7 { try ben.account("acc-\(index)", "Account \(index)") }
        _ = try await ben.sync()
        let anna = try world.client("anna", pullLimit: 2)
        anna.faults.failPull(after: 2)

        await #expect(throws: SyncTransportError.self) { try await anna.engine.sync() }
        #expect(try anna.database.records("account").count == 4, "two complete pages were applied")
        #expect(try anna.database.consistencyProblems().isEmpty)

        let (summary, progress) = try await anna.sync()
        #expect(summary.snapshots == 3 && summary.pages == 2)
        #expect(try anna.database.records("account").count == 7)
        #expect(anna.faults.pullRequests[3].cursor == anna.faults.pullRequests[2].cursor, "resumed, not restarted")
        #expect(progress.map(\.phase) == [.pulling, .pulling, .finished])
        #expect(progress.map(\.pulled) == [2, 3, 3])
        #expect(progress.last?.pages == 2)
    }

    @Test func pushProgressCountsBatches() async throws {
        let world = try SyncWorld()
        let anna = try world.client("anna", pushBatchSize: 2)
        for index in 1...5 { try anna.account("acc-\(index)", "Account \(index)") }
        let (summary, progress) = try await anna.sync()
        let pushing = progress.filter { $0.phase == .pushing }
        #expect(pushing.map(\.pushed) == [2, 4, 5])
        #expect(pushing.allSatisfy { $0.pushTotal == 5 })
        #expect(summary.pushed == 5 && summary.accepted == 5 && summary.duplicates == 0)
        #expect(summary.pulled == 0 && summary.pages == 1 && summary.duration > .zero)
    }

    @Test func anEvictedRecordIsRemovedOnlyAfterItsPendingEditWasPushed() async throws {
        let world = try SyncWorld()
        let anna = try world.client("anna")
        try anna.account("acc-1", "Müller GmbH")
        _ = try await anna.sync()
        // An edit made while the session is pulling, then the record leaves the scope.
        anna.faults.evictOnNextPull([RecordRef(entity: "account", id: "acc-1")])
        anna.faults.beforeNextPullAnswer { try anna.account("acc-1", "Müller & Söhne") }

        let (summary, _) = try await anna.sync()
        #expect(summary.evictions == 1 && summary.keptAfterEviction == 0)
        #expect(summary.pushed == 1 && summary.accepted == 1, "the edit was pushed before the eviction")
        #expect(try anna.database.record("acc-1") == nil)
        let ben = try world.client("ben")
        _ = try await ben.sync()
        #expect(try ben.name("acc-1") == "Müller & Söhne")
    }

    @Test func anEvictionWaitsWhenItsPendingEditCouldNotBePushed() async throws {
        let world = try SyncWorld()
        let anna = try world.client("anna")
        try anna.account("acc-1", "Müller GmbH")
        _ = try await anna.sync()
        anna.faults.evictOnNextPull([RecordRef(entity: "account", id: "acc-1")])
        anna.faults.beforeNextPullAnswer { try anna.account("acc-1", "Müller & Söhne") }
        anna.faults.loseAnswer(afterPushes: 0)

        await #expect(throws: SyncTransportError.self) { try await anna.engine.sync() }
        #expect(try anna.name("acc-1") == "Müller & Söhne", "the record and its edit stay")
        #expect(try anna.database.syncStatus().pendingCount == 1)
        let resumed = anna.faults.pullRequests.count
        _ = try await anna.sync()
        #expect(anna.faults.pullRequests[resumed].cursor == anna.faults.pullRequests[resumed - 1].cursor, "the page was not applied")
        #expect(try anna.database.syncStatus().pendingCount == 0)
    }

    @Test func anEvictedRecordWithARejectedEditIsKeptUntilTheEditIsDiscarded() async throws {
        let world = try SyncWorld(configuration: SyncWorld.lockingConfiguration())
        let anna = try world.client("anna")
        try anna.account("acc-1", "Müller GmbH")
        _ = try await anna.sync()
        anna.faults.evictOnNextPull([RecordRef(entity: "account", id: "acc-1")])
        anna.faults.beforeNextPullAnswer {
            try anna.edit("account", "acc-1") { $0.add("customer", to: "roles") }
        }

        let (summary, _) = try await anna.sync()
        #expect(summary.rejected == 1 && summary.keptAfterEviction == 1 && summary.evictions == 0)
        #expect(try anna.name("acc-1") == "Müller GmbH", "kept: its rejected edit is not resolved")
        #expect(try anna.database.heldEvictedRecords() == ["acc-1"])

        let rejected = try #require(try anna.database.outbox(.rejected).first)
        try anna.database.discardRejected(dot: rejected.change.dot)
        let (after, _) = try await anna.sync()
        #expect(after.pushed == 1 && after.accepted == 1, "the compensating change")
        #expect(after.evictions == 1)
        #expect(try anna.database.record("acc-1") == nil)
        #expect(try anna.database.heldEvictedRecords().isEmpty)
    }

    @Test func anExpiredCursorLeadsToARedownloadThatKeepsLocalWork() async throws {
        let world = try SyncWorld(configuration: SyncWorld.lockingConfiguration())
        let anna = try world.client("anna")
        let ben = try world.client("ben")
        try ben.account("acc-1", "Müller GmbH")
        _ = try await ben.sync()
        try anna.account("locked-1", "Locked Ltd")
        _ = try await anna.sync()
        // A record the server no longer has (purged meanwhile), held by anna.
        var office = Replica(id: ReplicaID(unchecked: "office-pc"))
        let ghost = try #require(office.change("account", "ghost", physical: Fixtures.now) { $0.set("name", to: "Ghost") })
        try anna.database.applyRemote([ghost])
        try ben.account("acc-2", "Bauer KG")
        _ = try await ben.sync()
        try anna.account("acc-3", "Schmidt AG")  // pending when the cursor expires
        try await world.harness.store.truncateLog(through: try await world.harness.store.logHead())

        let (summary, progress) = try await anna.sync()
        #expect(summary.redownloaded)
        #expect(summary.removedByRedownload == 1)
        #expect(progress.contains { $0.phase == .redownloading })
        #expect(try anna.database.record("ghost") == nil, "not sent by the server any more")
        #expect(try anna.name("locked-1") == "Locked Ltd", "rejected local work is kept")
        #expect(try anna.name("acc-3") == "Schmidt AG", "pushed before the re-download")
        #expect(try anna.name("acc-2") == "Bauer KG")
        #expect(try anna.database.syncStatus().lastSyncError == nil)
        #expect(try anna.database.consistencyProblems().isEmpty)
        let (next, _) = try await anna.sync()
        #expect(!next.redownloaded, "continues with the new cursor")
    }

    @Test func aRetiredReplicaDownloadsItsScopeAgain() async throws {
        let world = try SyncWorld()
        let anna = try world.client("anna")
        let ben = try world.client("ben")
        try ben.account("acc-1", "Müller GmbH")
        _ = try await ben.sync()
        _ = try await anna.sync()
        try await world.service.retire(anna.database.replicaID)
        let (summary, _) = try await anna.sync()
        #expect(summary.redownloaded && summary.snapshots == 1 && summary.removedByRedownload == 0)
        #expect(try anna.name("acc-1") == "Müller GmbH")
        #expect(anna.faults.pullRequests.suffix(2).map { $0.cursor == nil } == [false, true])
    }

    @Test func acknowledgementsFollowAppliedPagesAndPushedChanges() async throws {
        let world = try SyncWorld()
        let anna = try world.client("anna")
        _ = try await anna.sync()
        #expect(anna.faults.pullRequests[0].acknowledged == nil, "nothing to acknowledge before the first page")
        try anna.account("acc-1", "Müller GmbH")
        _ = try await anna.sync()
        let second = anna.faults.pullRequests[1]
        #expect(second.acknowledged == second.cursor, "pushed everything: the resume cursor is acknowledged")
    }
}
