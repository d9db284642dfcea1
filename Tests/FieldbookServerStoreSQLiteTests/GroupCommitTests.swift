import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookServerCoreTesting
@testable import FieldbookServerStoreSQLite
import FieldbookSync
import Foundation
import Testing

/// Concurrent decisions share transactions (``GroupCommitter``): each keeps
/// its own all-or-nothing checks, and the log stays dense and in order.
@Suite("SQLite store: group commit")
struct GroupCommitTests {
    typealias F = Fixtures

    enum Outcome: Sendable, Equatable {
        case committed(LogPosition)
        case failed(ServerStoreError)
    }

    /// 64 replicas each commit a new account at once, while 16 commits carry
    /// a stale expected revision and 8 reuse a decided dot: exactly the valid
    /// ones are written, every failure is its own, and positions are 1…64.
    @Test func concurrentDecisionsFailAloneAndTheLogStaysDense() async throws {
        let database = try TemporaryDatabase()
        defer { database.remove() }
        let store = try SQLiteServerStore(path: database.path)
        let seeded = try await StoreConformance.commit(F.account("acc-seed", replica: F.office, counter: 1), to: store)
        let seedState = try #require(try await store.record("acc-seed").record?.state)

        let outcomes = try await withThrowingTaskGroup(of: (String, Outcome).self) { group in
            for index in 0..<64 {
                let change = F.account("acc-\(index)", replica: ReplicaID(unchecked: "rep-\(index)"), counter: 1)
                group.addTask { ("good-\(index)", try await Self.attempt(change, on: store)) }
            }
            for index in 0..<16 {
                // The record exists, but these claim it does not (a lost race).
                let change = F.change(
                    record: "acc-seed", replica: ReplicaID(unchecked: "stale-\(index)"), counter: 1,
                    [F.set("name", .text("Stale \(index)"))]
                )
                let commit = AcceptedCommit(
                    change: change, digest: ChangeDigest(of: change),
                    state: try seedState.merged(with: change).state, expectedRevision: nil
                )
                group.addTask { ("stale-\(index)", try await Self.attempt(commit, on: store)) }
            }
            for index in 0..<8 {
                // office-pc:1 is decided already.
                let change = F.account("acc-dup-\(index)", replica: F.office, counter: 1)
                group.addTask { ("reused-\(index)", try await Self.attempt(change, on: store)) }
            }
            var outcomes: [String: Outcome] = [:]
            for try await (name, outcome) in group { outcomes[name] = outcome }
            return outcomes
        }

        var positions: [LogPosition] = []
        for index in 0..<64 {
            guard case .committed(let position) = outcomes["good-\(index)"] else {
                Issue.record("good-\(index): \(String(describing: outcomes["good-\(index)"]))")
                continue
            }
            positions.append(position)
        }
        #expect(positions.sorted() == (2...65).map { LogPosition(rawValue: UInt64($0)) })
        for index in 0..<16 {
            #expect(outcomes["stale-\(index)"] == .failed(.recordChanged(record: "acc-seed", expected: nil)))
        }
        for index in 0..<8 {
            #expect(outcomes["reused-\(index)"] == .failed(.dotAlreadyDecided(Dot(replica: F.office, counter: 1))))
        }
        // Nothing of a failed decision was written.
        #expect(try await store.logHead() == LogPosition(rawValue: 65))
        #expect(try await store.record("acc-seed").record?.revision == seeded)
        #expect(try await store.record("acc-dup-0") == .absent)
        for index in 0..<16 {
            #expect(try await store.decision(for: Dot(replica: ReplicaID(unchecked: "stale-\(index)"), counter: 1)) == nil)
        }
        let slice = try await store.readLog(after: .start, limit: 100, excludingAuthor: nil)
        #expect(slice.entries.map(\.position) == (1...65).map { LogPosition(rawValue: UInt64($0)) })
        try store.close()

        // Everything reported as committed is in the file after reopening.
        let reopened = try SQLiteServerStore(path: database.path)
        #expect(try await reopened.records(after: nil, limit: 100).count == 65)
        try reopened.close()
    }

    /// Rejections go through the same groups as acceptances: one replica's
    /// counters stay in order whichever way each change was decided.
    @Test func rejectionsAndAcceptancesOfOneReplicaInterleave() async throws {
        let database = try TemporaryDatabase()
        defer { database.remove() }
        let store = try SQLiteServerStore(path: database.path)
        let rejection = Rejection(.businessRule, "no")
        for counter in UInt64(1)...20 {
            let change = F.account("acc-\(counter)", counter: counter)
            if counter.isMultiple(of: 3) {
                try await store.recordRejection(rejection, digest: ChangeDigest(of: change), of: change.dot)
            } else {
                _ = try await StoreConformance.commit(change, to: store)
            }
        }
        #expect(try await store.decidedCounter(of: F.anna) == 20)
        #expect(try await store.logHead() == LogPosition(rawValue: 14))
        #expect(try await store.acceptedDots(among: [Dot(replica: F.anna, counter: 3), Dot(replica: F.anna, counter: 4)])
            == [Dot(replica: F.anna, counter: 4)])
        try store.close()
    }

    private static func attempt(_ change: Change, on store: SQLiteServerStore) async throws -> Outcome {
        let commit = AcceptedCommit(
            change: change, digest: ChangeDigest(of: change),
            state: try RecordState(entity: change.entity, id: change.record).merged(with: change).state,
            expectedRevision: nil
        )
        return try await attempt(commit, on: store)
    }

    private static func attempt(_ commit: AcceptedCommit, on store: SQLiteServerStore) async throws -> Outcome {
        do {
            return .committed(try await store.commitAccepted(commit))
        } catch let error as ServerStoreError {
            return .failed(error)
        }
    }
}
