import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookServerCoreTesting
@testable import FieldbookServerStoreSQLite
import FieldbookSync
import Foundation
import Testing

/// A temporary directory holding one store file, removed by ``remove()``.
struct TemporaryDatabase {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("fieldbook-server-store-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    var path: String { directory.appendingPathComponent("server.sqlite").path }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

@Suite("SQLite store conformance")
struct SQLiteStoreConformanceTests {
    @Test(arguments: StoreConformance.checks)
    func sqliteStore(_ check: StoreCheck) async throws {
        let database = try TemporaryDatabase()
        defer { database.remove() }
        let store = try SQLiteServerStore(path: database.path)
        try await check.run(store)
        try store.close()
    }
}

@Suite("Scopes over the SQLite store")
struct SQLiteScopeTests {
    @Test(arguments: ScopeScenarios.checks)
    func sqliteStore(_ check: StoreCheck) async throws {
        let database = try TemporaryDatabase()
        defer { database.remove() }
        let store = try SQLiteServerStore(path: database.path)
        try await check.run(store)
        try store.close()
    }
}

@Suite("SQLite store persistence")
struct SQLiteStorePersistenceTests {
    typealias F = Fixtures

    @Test func reopeningTheFileFindsEverything() async throws {
        let database = try TemporaryDatabase()
        defer { database.remove() }
        let first = F.account(counter: 1, name: "Alt")
        let second = F.change(counter: 2, [F.set("name", "Neu", supersedes: [first.dot])])
        let other = F.account("acc-2", replica: F.office, counter: 1)
        let doomed = F.account("acc-3", replica: F.office, counter: 2)
        let rejected = F.account("acc-4", replica: F.ben, counter: 1)
        let rejection = Rejection(.businessRule, "a rule says no")
        let ack = Acknowledgement(replica: F.anna, position: 2, vector: VersionVector([F.anna: 2]))

        let expectedLog: [LogEntry]
        let expectedDecisions: [StoredDecision?]
        let expectedRecords: [StoredRecord]
        let expectedFrontier: FrontierState
        let expectedVector: VersionVector
        do {
            let store = try SQLiteServerStore(path: database.path)
            _ = try await StoreConformance.commit(first, to: store)
            _ = try await StoreConformance.commit(second, to: store)
            _ = try await StoreConformance.commit(other, to: store)
            let doomedAt = try await StoreConformance.commit(doomed, to: store)
            try await store.purgeRecord("acc-3", revision: doomedAt)
            try await store.recordRejection(rejection, digest: ChangeDigest(of: rejected), of: rejected.dot)
            #expect(try await store.acknowledge(ack) == .recorded)
            try await store.retire(F.ben)
            try await store.truncateLog(through: 1)
            expectedLog = try await store.readLog(after: 1, limit: 100, excludingAuthor: nil).entries
            expectedDecisions = try await [first.dot, second.dot, other.dot, doomed.dot, rejected.dot].asyncMap {
                try await store.decision(for: $0)
            }
            expectedRecords = try await store.records(after: nil, limit: 100)
            expectedFrontier = try await store.frontierState()
            expectedVector = try await store.logVector(through: 4)
            try store.close()
        }
        #expect(expectedLog.map(\.position) == [2, 3, 4])
        #expect(expectedRecords.map(\.id) == ["acc-1", "acc-2"])

        let store = try SQLiteServerStore(path: database.path)
        #expect(try await store.logHead() == 4)
        #expect(try await store.readLog(after: 1, limit: 100, excludingAuthor: nil).entries == expectedLog)
        await #expect(throws: ServerStoreError.logCompacted(requested: .start, floor: 1)) {
            try await store.readLog(after: .start, limit: 100, excludingAuthor: nil)
        }
        let decisions = try await [first.dot, second.dot, other.dot, doomed.dot, rejected.dot].asyncMap {
            try await store.decision(for: $0)
        }
        #expect(decisions == expectedDecisions)
        #expect(decisions.last == StoredDecision(dot: rejected.dot, outcome: .rejected(rejection), digest: ChangeDigest(of: rejected)))
        #expect(try await store.decidedCounter(of: F.anna) == 2)
        #expect(try await store.decidedCounter(of: F.office) == 2)
        #expect(try await store.decidedCounter(of: F.ben) == 1)
        #expect(try await store.records(after: nil, limit: 100) == expectedRecords)
        #expect(try await store.record("acc-1").record?.state.value("name") == "Neu")
        #expect(try await store.record("acc-3") == .purged(RecordRef(entity: "account", id: "acc-3")))
        #expect(try await store.frontierState() == expectedFrontier)
        #expect(expectedFrontier == FrontierState(acknowledgements: [F.anna: ack], needsResync: [F.ben]))
        #expect(try await store.logVector(through: 4) == expectedVector)
        #expect(expectedVector == VersionVector([F.anna: 2, F.office: 2]))
        #expect(try await store.acceptedDots(among: [first.dot, doomed.dot, rejected.dot]) == [first.dot, doomed.dot])

        // The reopened store keeps counting where it stopped.
        let next = try await StoreConformance.commit(F.account("acc-5", counter: 3), to: store)
        #expect(next == 5)
        await #expect(throws: ServerStoreError.counterNotNext(Dot(replica: F.ben, counter: 3), decidedThrough: 1)) {
            try await store.recordRejection(rejection, digest: ChangeDigest(of: rejected), of: Dot(replica: F.ben, counter: 3))
        }
        try store.close()
    }

    @Test func reopeningAMigratedFileAndTheWriterRunsWithSynchronousFull() async throws {
        let database = try TemporaryDatabase()
        defer { database.remove() }
        try SQLiteServerStore(path: database.path).close()
        // The second open finds the schema migrated and migrates nothing.
        let store = try SQLiteServerStore(path: database.path)
        #expect(try await store.logHead() == .start)
        #expect(try store.writerSynchronousLevel() == 2, "FULL, not the NORMAL GRDB sets for WAL")
        try store.close()
    }
}

@Suite("SQLite store under the sync service")
struct SQLiteServiceTests {
    typealias F = Fixtures

    @Test(arguments: [UInt64(1), 7, 42])
    func randomEditsAndSessionsConverge(seed: UInt64) async throws {
        let database = try TemporaryDatabase()
        defer { database.remove() }
        let harness = Harness(store: try SQLiteServerStore(path: database.path))
        let clients = try await RandomSessions.run(on: harness, seed: seed)
        #expect(try await RandomSessions.divergences(of: clients, on: harness) == [])
    }

    @Test func pullsDuringConcurrentPushesDeliverEveryChangeOnce() async throws {
        let database = try TemporaryDatabase()
        defer { database.remove() }
        let store = try SQLiteServerStore(path: database.path)
        let service = Harness(store: store).service
        #expect(try await ConcurrentPulls.problems(service: service, store: store, perPusher: 15) == [])
        try store.close()
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
