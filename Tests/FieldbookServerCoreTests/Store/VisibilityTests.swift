import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookSync
import Testing

/// The visibility rule of SYNC.md §11.4 against the in-memory store: a pull
/// never returns a position, nor a cursor at or beyond it, while a lower
/// position may still commit (Appendix B item 4).
@Suite("Visibility rule")
struct VisibilityTests {
    typealias F = Fixtures

    @Test func aCommitHeldOpenKeepsLaterAppendersAndReadersBehindIt() async throws {
        let entered = Latch()
        let release = Latch()
        let events = EventLog()
        let store = InMemoryServerStore(
            hooks: .init(whileCommitting: { position in
                await events.add("assigned \(position)")
                if position == 1 {
                    await entered.open()
                    await release.wait()
                }
            })
        )
        let service = SyncService(store: store, clock: TestClock(), configuration: .unscoped)
        let reader = SyncCaller(role: .rep)
        let start = try await service.pull(PullRequest(schemaVersion: 1, replica: F.office), caller: reader).cursor

        // A takes position 1 and holds its transaction open.
        let first = Task {
            try await service.push(PushRequest(schemaVersion: 1, replica: F.anna, changes: [F.account("acc-a", counter: 1)]), caller: reader)
        }
        await entered.wait()
        // B appends to another record meanwhile: with a later position it could commit first.
        let second = Task {
            let response = try await service.push(
                PushRequest(schemaVersion: 1, replica: F.ben, changes: [F.account("acc-b", replica: F.ben, counter: 1)]), caller: reader
            )
            await events.add("B returned")
            return response
        }
        for _ in 0..<200 { await Task.yield() }
        try await Task.sleep(for: .milliseconds(20))
        #expect(await events.events == ["assigned 1"], "no later position is assigned while position 1 is open")

        let during = try await service.pull(PullRequest(schemaVersion: 1, replica: F.office, cursor: start), caller: reader)
        #expect(during.changes.isEmpty)
        #expect(try service.configuration.cursors.decode(during.cursor, for: F.office) == .log(.start), "the cursor stays before position 1")
        #expect(await store.logHead() == .start)
        #expect(try await store.readLog(after: .start, limit: 10, excludingAuthor: nil).scannedThrough == .start)

        await release.open()
        #expect(try await first.value.results.map(\.status) == [.accepted])
        #expect(try await second.value.results.map(\.status) == [.accepted])
        #expect(await events.events == ["assigned 1", "assigned 2", "B returned"])
        let after = try await service.pull(PullRequest(schemaVersion: 1, replica: F.office, cursor: during.cursor), caller: reader)
        #expect(after.changes.map(\.dot) == [Dot(replica: F.anna, counter: 1), Dot(replica: F.ben, counter: 1)], "nothing skipped")
    }

    @Test func readersNeverSkipWhileCommitsYieldInsideTheirTransaction() async throws {
        let store = InMemoryServerStore(
            hooks: .init(whileCommitting: { position in
                for _ in 0..<Int(position.rawValue % 4) { await Task.yield() }
            })
        )
        try await StoreConformance.concurrentAppendersNeverSkip(store)
    }

    @Test func pullsDuringConcurrentPushesDeliverEveryChangeOnce() async throws {
        let store = InMemoryServerStore(hooks: .init(whileCommitting: { _ in await Task.yield() }))
        let service = SyncService(store: store, clock: TestClock(), configuration: .unscoped)
        #expect(try await ConcurrentPulls.problems(service: service, store: store, perPusher: 20) == [])
    }
}
