import FieldbookClient
import FieldbookModel
import FieldbookSync
import Foundation
import GRDB
import Testing

/// A fresh temporary directory, removed when the value is dropped.
final class TemporaryDirectory: Sendable {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "fieldbook-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }
}

@Suite("Client database")
struct ClientDatabaseTests {
    let clock = ManualClock(millis: 1_763_800_000_000)

    @Test func aWriteStoresRecordProjectionAndOutboxTogether() throws {
        let directory = try TemporaryDirectory()
        let database = try ClientDatabase.open(at: directory.file("replica.sqlite"), clock: clock)
        let account = try database.edit("account", "acc-1") { $0.set("name", to: "Müller GmbH") }
        #expect(account.value("name") == "Müller GmbH")

        let outbox = try database.outbox()
        #expect(outbox.count == 1)
        #expect(outbox.first?.change.dot == Dot(replica: database.replicaID, counter: 1))
        #expect(outbox.first?.status == .pending)
        let name = try database.read { db in try String.fetchOne(db, sql: "SELECT name FROM e_account WHERE id = 'acc-1'") }
        #expect(name == "Müller GmbH")
        let mode = try database.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    @Test func aRefusedWriteLeavesNothingBehind() throws {
        let database = try ClientDatabase.inMemory(clock: clock)
        try database.edit("account", "acc-1") { $0.set("name", to: "A") }
        #expect(throws: ClientError.self) {
            try database.write { transaction in
                try transaction.edit("account", "acc-1") { $0.set("name", to: "B") }
                try transaction.edit("contact", "c-1") { $0.set("lastName", to: "Schmidt") }  // no account: invalid
            }
        }
        #expect(try database.record("acc-1")?.value("name") == "A")
        #expect(try database.record("c-1") == nil)
        #expect(try database.outbox().count == 1)
    }

    @Test func validationNamesTheProblemWithoutTheValue() throws {
        let database = try ClientDatabase.inMemory(clock: clock)
        do {
            try database.edit("account", "acc-1") { $0.set("email", to: "not-an-address@") ; $0.set("name", to: "X") }
            Issue.record("expected a validation error")
        } catch let error as ClientError {
            guard case .validationFailed(let entity, _, let issues) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(entity == "account")
            #expect(issues.contains { $0.field == "email" })
            #expect(!error.description.contains("not-an-address"))
        }
    }

    @Test func dataSurvivesReopeningWithTheSameReplicaIdentity() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("replica.sqlite")
        let firstID: ReplicaID
        do {
            let database = try ClientDatabase.open(at: path, clock: clock)
            firstID = database.replicaID
            try database.edit("account", "acc-1") { $0.set("name", to: "A") }
        }
        let reopened = try ClientDatabase.open(at: path, clock: clock)
        #expect(reopened.replicaID == firstID)
        let second = try reopened.edit("account", "acc-1") { $0.set("name", to: "B") }
        #expect(second.register(.field("name")).winner?.dot == Dot(replica: firstID, counter: 2))
        #expect(try reopened.outbox().map(\.change.dot.counter) == [1, 2])
    }

    @Test func remoteChangesMergeIdempotentlyAndSurfaceConflicts() throws {
        let database = try ClientDatabase.inMemory(clock: clock)
        try database.edit("account", "acc-1") { $0.set("name", to: "Local") }
        var office = Replica(id: ReplicaID(unchecked: "server"))
        try office.receive(try database.pendingChanges()[0], physical: 0)
        var concurrent = Replica(id: ReplicaID(unchecked: "office"))
        let local = try database.record("acc-1")
        try concurrent.join(try #require(local))
        let remote = try #require(
            concurrent.change("account", "acc-1", physical: clock.nowMillis() + 60_000) { $0.set("name", to: "Office") }
        )
        try database.edit("account", "acc-1") { $0.set("name", to: "Local 2") }

        let first = try database.applyRemote([remote])
        #expect(first.applied == 1)
        #expect(first.recordsInConflict == ["acc-1"])
        let again = try database.applyRemote([remote])
        #expect(again.applied == 0 && again.unchanged == 1)
        let conflicts = try database.conflicts()
        #expect(conflicts.count == 1)
        #expect(conflicts.first?.winner.value == "Office", "the later hybrid time wins")
        #expect(conflicts.first?.others.map(\.entry.value) == ["Local 2"])
        let flagged = try database.read { db in try Int.fetchOne(db, sql: "SELECT _conflicts FROM e_account") }
        #expect(flagged == 1)
        let next = try database.edit("account", "acc-1") { $0.set("phone", to: "+49 711 1234") }
        #expect(next.register(.field("phone")).winner!.time > remote.time, "local clock moved past the remote time")
    }

    @Test func observationDeliversLocalAndRemoteUpdates() async throws {
        let database = try ClientDatabase.inMemory(clock: clock)
        let names = database.observe { db in
            try String.fetchAll(db, sql: "SELECT name FROM e_account WHERE _deleted = 0 ORDER BY name")
        }
        var iterator = names.makeAsyncIterator()
        #expect(try await iterator.next() == [])
        try database.edit("account", "acc-1") { $0.set("name", to: "Alpha") }
        #expect(try await iterator.next() == ["Alpha"])
        var server = Replica(id: ReplicaID(unchecked: "server"))
        let remote = try #require(server.change("account", "acc-2", physical: 1) { $0.set("name", to: "Beta") })
        try database.applyRemote([remote])
        #expect(try await iterator.next() == ["Alpha", "Beta"])
    }
}

@Suite("Client database durability")
struct ClientDatabaseDurabilityTests {
    @Test func theWriterCommitsWithFullSynchronousInWALMode() throws {
        let directory = try TemporaryDirectory()
        let database = try ClientDatabase.open(at: directory.file("replica.sqlite"), clock: ManualClock(millis: 0))
        let (mode, synchronous) = try database.writer.writeWithoutTransaction { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
        }
        #expect(mode == "wal")
        #expect(synchronous == 2, "FULL: a write is durable when the call returns, across power loss too")
    }
}

@Suite("Projection indexes")
struct ProjectionIndexTests {
    @Test func referenceLookupsUseThePartialIndexes() throws {
        let database = try ClientDatabase.inMemory(clock: ManualClock(millis: 0))
        let plans = try database.read { db in
            [
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT id FROM e_contact WHERE _deleted = 0 AND account = ?", arguments: ["a"]),
                try Row.fetchAll(
                    db, sql: "EXPLAIN QUERY PLAN SELECT id FROM e_appointment WHERE _deleted = 0 AND \"start\" >= ? AND \"start\" < ?",
                    arguments: ["2026-11-23T00:00:00Z", "2026-11-24T00:00:00Z"]
                ),
            ].map { rows in rows.map { $0["detail"] as String? ?? "" }.joined(separator: " ") }
        }
        #expect(plans[0].contains("USING INDEX e_contact_account"), "\(plans[0])")
        #expect(plans[1].contains("USING INDEX"), "\(plans[1])")
    }
}

@Suite("Replica counter")
struct ReplicaCounterTests {
    @Test func aTransactionWithSeveralEditsSavesTheCounterOnceAndCorrectly() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("replica.sqlite")
        do {
            let database = try ClientDatabase.open(at: path, clock: ManualClock(millis: 1_000))
            try database.write { transaction in
                for index in 0..<5 { try transaction.edit("account", "acc-\(index)") { $0.set("name", to: "A") } }
            }
        }
        let reopened = try ClientDatabase.open(at: path, clock: ManualClock(millis: 1_000))
        let next = try reopened.edit("account", "acc-9") { $0.set("name", to: "B") }
        #expect(next.register(.field("name")).winner?.dot.counter == 6)
        let times = try reopened.outbox().map(\.change.time)
        #expect(times == times.sorted() && Set(times).count == 6, "hybrid times strictly increase across the reopen")
    }
}
