import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookSync
import Testing

@Suite("Paging")
struct PagingTests {
    typealias F = Fixtures

    /// Three replicas push 45 changes in interleaved batches.
    func seed(_ harness: Harness) async throws -> [Change] {
        var all: [Change] = []
        var counters: [ReplicaID: UInt64] = [:]
        for round in 0..<5 {
            for replica in [F.anna, F.ben, F.office] {
                var batch: [Change] = []
                for index in 0..<3 {
                    counters[replica, default: 0] += 1
                    let record = "acc-\(replica)-\((round * 3 + index) % 4)"
                    let counter = counters[replica]!
                    let name = Value.text("\(replica) \(counter)")
                    batch.append(F.change(record: record, replica: replica, counter: counter, [F.set("name", name)]))
                }
                let results = try await harness.push(batch, as: replica, role: .office)
                #expect(results.allSatisfy { $0.status == .accepted })
                all += batch
            }
        }
        return all
    }

    @Test(arguments: [1, 2, 3, 7, 50])
    func logPagesReturnEveryChangeExactlyOnce(limit: Int) async throws {
        let harness = Harness()
        let start = try await harness.pull(F.ben).cursor
        let all = try await seed(harness)
        let pages = try await harness.pullAll(F.ben, from: start, limit: limit)
        let received = pages.flatMap(\.changes)
        let expected = all.filter { $0.dot.replica != F.ben }
        #expect(received == expected, "every change of others exactly once, in log order")
        #expect(pages.allSatisfy { $0.itemCount <= limit })
        #expect(pages.dropLast().allSatisfy { $0.hasMore })
    }

    @Test(arguments: [1, 2, 5, 1000])
    func downloadPagesReturnEveryRecordExactlyOnceThenTheLog(limit: Int) async throws {
        let harness = Harness()
        _ = try await seed(harness)
        var cursor: PullCursor?
        var snapshots: [RecordState] = []
        var changes: [Change] = []
        var pushedDuringDownload: [Change] = []
        var page: PullResponse
        repeat {
            page = try await harness.pull(F.anna, cursor: cursor, limit: limit)
            #expect(page.itemCount <= limit)
            snapshots += page.snapshots
            changes += page.changes
            cursor = page.cursor
            if page.hasMore, pushedDuringDownload.count < 3 {
                // Writes while the download runs land after the horizon: they come as changes.
                let counter = UInt64(16 + pushedDuringDownload.count)
                let change = F.change(record: "acc-late-\(counter)", replica: F.office, counter: counter, [F.set("name", "late")])
                #expect(try await harness.push(change, as: F.office, role: .office).status == .accepted)
                pushedDuringDownload.append(change)
            }
        } while page.hasMore
        let ids = snapshots.map(\.id)
        #expect(Set(ids).count == ids.count, "no record twice")
        #expect(ids == ids.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(Set(ids).isSuperset(of: (0..<4).flatMap { index in [F.anna, F.ben, F.office].map { "acc-\($0)-\(index)" } }))
        #expect(Set(changes.map(\.dot)).count == changes.count, "no change twice")
        #expect(Set(changes.map(\.dot)) == Set(pushedDuringDownload.map(\.dot)))
        // Applying the pages gives exactly the server's records.
        var replica = Replica(id: F.anna)
        for snapshot in snapshots { try replica.join(snapshot) }
        for change in changes { try replica.receive(change, physical: F.now) }
        for (id, state) in replica.records {
            #expect(try await harness.state(id) == state)
        }
        #expect(replica.records.count == snapshots.count + Set(changes.map(\.record)).subtracting(ids).count)
    }

    @Test func aPageFilledExactlyBySnapshotsReportsWhetherTheLogHasMore() async throws {
        let harness = Harness()
        try await harness.push([F.account("acc-1", counter: 1), F.account("acc-2", counter: 2)])
        let page = try await harness.pull(F.office, limit: 2)
        #expect(page.snapshots.count == 2)
        #expect(!page.hasMore)
        try await harness.push(F.account("acc-3", counter: 3))
        let next = try await harness.pull(F.office, cursor: page.cursor, limit: 2)
        #expect(next.changes.map(\.record) == ["acc-3"])
    }
}
