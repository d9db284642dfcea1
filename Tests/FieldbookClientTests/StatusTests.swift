import FieldbookClient
import FieldbookModel
import FieldbookSync
import Foundation
import GRDB
import Testing

@Suite("Sync status")
struct StatusTests {
    @Test func aFreshReplicaHasNothingPendingAndHasNeverSynced() throws {
        let directory = try TemporaryDirectory()
        let database = try ClientDatabase.open(at: directory.file("replica.sqlite"), clock: ManualClock(millis: 0))
        let status = try database.syncStatus()
        #expect(status.replicaID == database.replicaID)
        #expect(status.schemaVersion == database.registry.version)
        #expect(status.databasePath == directory.file("replica.sqlite"))
        #expect(status.pendingCount == 0 && status.rejected.isEmpty && status.openConflicts == 0)
        #expect(status.lastSyncAt == nil && status.lastSyncError == nil && !status.hasSynced)
    }

    @Test func pendingChangesAreCountedPerEntityAndRejectedOnesListed() throws {
        var harness = try SyncHarness()
        try harness.local("account", "acc-1") { $0.set("name", to: "Müller") }
        try harness.local("account", "acc-1") { $0.set("phone", to: "+49 711 1") }
        try harness.local("contact", "con-1") { change in
            change.set("account", to: "acc-1")
            change.set("lastName", to: "Schmidt")
        }
        #expect(try harness.database.syncStatus().pendingByEntity == ["account": 2, "contact": 1])
        let rejected = try harness.lastLocalDot()
        try harness.push(rejecting: [rejected])
        try harness.local("account", "acc-1") { $0.set("industry", to: "Machinery") }

        let status = try harness.database.syncStatus()
        #expect(status.pendingCount == 1)
        #expect(status.pendingByEntity == ["account": 1])
        #expect(status.rejected.map(\.change.dot) == [rejected])
        #expect(status.rejected.first?.code == "business_rule")
        #expect(status.rejected.first?.reason == "refused by the server")
        #expect(status.rejected.first?.change.entity == "contact")
    }

    @Test func lastSyncTimeErrorAndConflictsAreReported() throws {
        var harness = try SyncHarness()
        try harness.office("account", "acc-1") { $0.set("name", to: "Müller") }
        try harness.local("account", "acc-1") { $0.set("name", to: "Local") }
        try harness.office("account", "acc-1") { $0.set("name", to: "Office") }
        try harness.database.writer.write { db in
            try db.execute(
                sql: "UPDATE replica SET last_sync_at = ?, last_sync_error = ?, cursor = ?",
                arguments: ["2026-11-23T08:15:00Z", "server unreachable", "c1"]
            )
        }
        let status = try harness.database.syncStatus()
        #expect(status.lastSyncAt == UTCDateTime(parsing: "2026-11-23T08:15:00Z"))
        #expect(status.lastSyncError == "server unreachable")
        #expect(status.hasSynced)
        #expect(status.openConflicts == 1)
    }
}
