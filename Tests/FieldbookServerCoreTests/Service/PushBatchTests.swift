import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookSync
import Testing

@Suite("Push batches and request-level errors")
struct PushBatchTests {
    typealias F = Fixtures

    /// A batch with accepted changes, a rejection and a gap.
    func mixedBatch() -> [Change] {
        [
            F.account(counter: 1),
            F.change(record: "acc-2", counter: 2, [F.set("name", "B"), F.set("status", "bogus")]),
            F.account("acc-3", counter: 3, name: "C"),
            F.account("acc-5", counter: 5, name: "E"),
        ]
    }

    @Test func rejectedChangesDoNotStopTheRestOfTheBatch() async throws {
        let harness = Harness()
        let results = try await harness.push(mixedBatch())
        #expect(results.map(\.dot.counter) == [1, 2, 3, 5], "one result per change, in request order")
        #expect(results.map(\.status) == [.accepted, .rejected, .accepted, .rejected])
        #expect(results.map(\.rejectionCode) == [nil, .invalidValue, nil, .counterGap])
        #expect(try await harness.store.decidedCounter(of: F.anna) == 3, "rejections consume counters")
        let log = try await harness.store.readLog(after: .start, limit: 10, excludingAuthor: nil)
        #expect(log.entries.map(\.change.dot.counter) == [1, 3])
        #expect(try await harness.state("acc-2") == nil)
    }

    @Test func rePushingABatchIsIdempotent() async throws {
        let harness = Harness()
        let first = try await harness.push(mixedBatch())
        let head = try await harness.store.logHead()
        let states = [try await harness.state("acc-1"), try await harness.state("acc-3")]
        let second = try await harness.push(mixedBatch())
        #expect(second.map(\.status) == [.duplicate, .rejected, .duplicate, .rejected])
        #expect(second[1] == first[1], "same code and reason again")
        #expect(second[3].rejectionCode == .counterGap)
        #expect(try await harness.store.logHead() == head)
        #expect([try await harness.state("acc-1"), try await harness.state("acc-3")] == states)
    }

    @Test func aGapIsFilledByPushingTheMissingChangeFirst() async throws {
        let harness = Harness()
        let results = try await harness.push([F.account(counter: 1), F.account("acc-3", counter: 3)])
        #expect(results.map(\.rejectionCode) == [nil, .counterGap])
        let retry = try await harness.push([F.account("acc-2", counter: 2), F.account("acc-3", counter: 3)])
        #expect(retry.map(\.status) == [.accepted, .accepted])
        #expect(try await harness.store.decidedCounter(of: F.anna) == 3)
    }

    @Test func changesOfOneBatchBuildOnEachOther() async throws {
        let harness = Harness()
        let create = F.account(counter: 1, name: "Alt")
        let rename = F.change(counter: 2, [F.set("name", "Neu", supersedes: [create.dot])])
        let results = try await harness.push([create, rename])
        #expect(results.map(\.status) == [.accepted, .accepted])
        let state = try #require(try await harness.state("acc-1"))
        #expect(state.value("name") == "Neu")
        #expect(state.conflicts.isEmpty)
    }

    @Test func unsupportedProtocolVersion() async throws {
        let harness = Harness()
        let request = PushRequest(protocolVersion: 2, schemaVersion: 1, replica: F.anna, changes: [F.account(counter: 1)])
        let error = await #expect(throws: SyncServiceError.self) {
            try await harness.service.push(request, caller: SyncCaller(role: .rep))
        }
        #expect(error?.code == .unsupportedProtocolVersion)
        #expect(try await harness.store.decidedCounter(of: F.anna) == 0, "nothing decided")
    }

    @Test func unsupportedSchemaVersion() async throws {
        let harness = Harness()
        let error = await #expect(throws: SyncServiceError.self) {
            try await harness.push([F.account(counter: 1)], schemaVersion: 99)
        }
        #expect(error?.code == .unsupportedSchemaVersion)
        #expect(error?.errorResponse(requestID: "req-1").requestID == "req-1")
    }

    @Test func batchTooLarge() async throws {
        var configuration = SyncServiceConfiguration.unscoped
        configuration.limits.maxChangesPerPush = 2
        let harness = Harness(configuration: configuration)
        let changes = (1...3).map { F.account("acc-\($0)", counter: UInt64($0)) }
        let error = await #expect(throws: SyncServiceError.self) { try await harness.push(changes) }
        #expect(error?.code == .batchTooLarge)
        #expect(error?.code.httpStatus == 413)
    }

    @Test func clientsCannotPushAsTheServerReplica() async throws {
        let harness = Harness()
        let server = ReplicaID(unchecked: "srv")
        let error = await #expect(throws: SyncServiceError.self) {
            try await harness.push([F.account(replica: server, counter: 1)], as: server, role: .office)
        }
        #expect(error?.code == .forbidden)
    }

    @Test func responsesCarryTheServerTime() async throws {
        let harness = Harness()
        let request = PushRequest(schemaVersion: 1, replica: F.anna, changes: [F.account(counter: 1)])
        let response = try await harness.service.push(request, caller: SyncCaller(role: .rep))
        #expect(response.serverTime.millis == F.now)
        let later = try await harness.service.push(request, caller: SyncCaller(role: .rep))
        #expect(later.serverTime > response.serverTime)
    }
}
