import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookSync
import Testing

/// One check of the store conformance suite: a name and a function over a
/// fresh, empty `any ServerStore`.
public struct StoreCheck: Sendable, CustomTestStringConvertible {
    public let name: String
    public let run: @Sendable (any ServerStore) async throws -> Void

    public var testDescription: String { name }
}

/// The checks every ``ServerStore`` must pass — the in-memory store here,
/// the SQLite and PostgreSQL stores later (ARCHITECTURE.md: "One store
/// conformance suite runs against the in-memory, SQLite and PostgreSQL
/// server stores"). A backend's test runs each check on a fresh empty store:
///
/// ```swift
/// @Test(arguments: StoreConformance.checks)
/// func sqliteStore(_ check: StoreCheck) async throws {
///     try await check.run(try SQLiteServerStore(path: temporaryFile()))
/// }
/// ```
public enum StoreConformance {
    public static let checks: [StoreCheck] = [
        StoreCheck(name: "an empty store", run: emptyStore),
        StoreCheck(name: "commits are logged, decided and readable", run: commitsAreLoggedAndDecided),
        StoreCheck(name: "rejections are recorded", run: rejectionsAreRecorded),
        StoreCheck(name: "decisions are final", run: decisionsAreFinal),
        StoreCheck(name: "decided counters stay dense", run: countersStayDense),
        StoreCheck(name: "commits check the record revision", run: commitsCheckTheRevision),
        StoreCheck(name: "log reads page and skip an author", run: logReadsPageAndSkipAnAuthor),
        StoreCheck(name: "records page in bytewise ID order", run: recordsPageInBytewiseOrder),
        StoreCheck(name: "purging leaves a stub", run: purgingLeavesAStub),
        StoreCheck(name: "acknowledgements are monotone and admitted", run: acknowledgementsAreMonotone),
        StoreCheck(name: "retirement and re-sync", run: retirementAndResync),
        StoreCheck(name: "truncation keeps vectors and decisions", run: truncationKeepsVectorsAndDecisions),
        StoreCheck(name: "concurrent appenders never let a reader skip", run: StoreConformance.concurrentAppendersNeverSkip),
        StoreCheck(name: "decision inputs agree with the single reads", run: decisionInputsAgreeWithSingleReads),
    ] + scopeChecks

    public typealias F = Fixtures

    public static func emptyStore(_ store: any ServerStore) async throws {
        #expect(try await store.logHead() == .start)
        #expect(try await store.readLog(after: .start, limit: 10, excludingAuthor: nil) == LogSlice(entries: [], scannedThrough: .start, hasMore: false))
        #expect(try await store.decidedCounter(of: F.anna) == 0)
        #expect(try await store.decision(for: Dot(replica: F.anna, counter: 1)) == nil)
        #expect(try await store.record("acc-1") == .absent)
        #expect(try await store.records(after: nil, limit: 10).isEmpty)
        #expect(try await store.logVector(through: .start) == VersionVector())
        #expect(try await store.frontierState() == FrontierState())
        #expect(try await store.acceptedDots(among: [Dot(replica: F.anna, counter: 1)]).isEmpty)
    }

    public static func commitsAreLoggedAndDecided(_ store: any ServerStore) async throws {
        let first = F.account(counter: 1, name: "Alt")
        let second = F.change(counter: 2, [F.set("name", "Neu", supersedes: [first.dot])])
        let other = F.account("acc-2", replica: F.office, counter: 1)
        let p1 = try await commit(first, to: store)
        let p2 = try await commit(second, to: store)
        let p3 = try await commit(other, to: store)
        #expect(p1 < p2 && p2 < p3)
        #expect(try await store.logHead() == p3)
        let decision = try #require(try await store.decision(for: second.dot))
        #expect(decision == StoredDecision(dot: second.dot, outcome: .accepted(p2), digest: ChangeDigest(of: second)))
        #expect(try await store.decidedCounter(of: F.anna) == 2)
        let record = try #require(try await store.record("acc-1").record)
        #expect(record.revision == p2)
        #expect(record.state.value("name") == "Neu")
        let slice = try await store.readLog(after: .start, limit: 10, excludingAuthor: nil)
        #expect(slice.entries == [LogEntry(position: p1, change: first), LogEntry(position: p2, change: second), LogEntry(position: p3, change: other)])
        #expect(slice.scannedThrough == p3 && !slice.hasMore)
        #expect(try await store.logVector(through: p2) == VersionVector([F.anna: 2]))
        #expect(try await store.logVector(through: p3) == VersionVector([F.anna: 2, F.office: 1]))
        #expect(try await store.acceptedDots(among: [first.dot, other.dot, Dot(replica: F.ben, counter: 1)]) == [first.dot, other.dot])
    }

    public static func rejectionsAreRecorded(_ store: any ServerStore) async throws {
        let change = F.account(counter: 1)
        let rejection = Rejection(.businessRule, "a rule says no")
        try await store.recordRejection(rejection, digest: ChangeDigest(of: change), of: change.dot)
        let decision = try await store.decision(for: change.dot)
        #expect(decision == StoredDecision(dot: change.dot, outcome: .rejected(rejection), digest: ChangeDigest(of: change)))
        #expect(try await store.decidedCounter(of: F.anna) == 1)
        #expect(try await store.acceptedDots(among: [change.dot]).isEmpty)
        #expect(try await store.logHead() == .start, "a rejection is not logged")
        #expect(try await store.record("acc-1") == .absent)
    }

    public static func decisionsAreFinal(_ store: any ServerStore) async throws {
        let change = F.account(counter: 1)
        _ = try await commit(change, to: store)
        await #expect(throws: ServerStoreError.dotAlreadyDecided(change.dot)) {
            try await store.commitAccepted(AcceptedCommit(change: change, digest: ChangeDigest(of: change), state: try created(change), expectedRevision: 1))
        }
        await #expect(throws: ServerStoreError.dotAlreadyDecided(change.dot)) {
            try await store.recordRejection(Rejection(.invalidValue, "no"), digest: ChangeDigest(of: change), of: change.dot)
        }
        #expect(try await store.logHead() == 1)
        #expect(try await store.decision(for: change.dot)?.isAccepted == true)
    }

    public static func countersStayDense(_ store: any ServerStore) async throws {
        let second = F.account("acc-2", counter: 2)
        await #expect(throws: ServerStoreError.counterNotNext(second.dot, decidedThrough: 0)) {
            try await store.commitAccepted(AcceptedCommit(change: second, digest: ChangeDigest(of: second), state: try created(second), expectedRevision: nil))
        }
        await #expect(throws: ServerStoreError.counterNotNext(second.dot, decidedThrough: 0)) {
            try await store.recordRejection(Rejection(.invalidValue, "no"), digest: ChangeDigest(of: second), of: second.dot)
        }
        #expect(try await store.logHead() == .start)
        #expect(try await store.record("acc-2") == .absent)
        _ = try await commit(F.account(counter: 1), to: store)
        _ = try await commit(second, to: store)
        #expect(try await store.decidedCounter(of: F.anna) == 2)
    }

    public static func commitsCheckTheRevision(_ store: any ServerStore) async throws {
        _ = try await commit(F.account(counter: 1), to: store)
        let again = F.account(replica: F.office, counter: 1)
        await #expect(throws: ServerStoreError.recordChanged(record: "acc-1", expected: nil)) {
            try await store.commitAccepted(AcceptedCommit(change: again, digest: ChangeDigest(of: again), state: try created(again), expectedRevision: nil))
        }
        let stale = F.change(replica: F.office, counter: 1, [F.set("phone", "+49 711 1")])
        await #expect(throws: ServerStoreError.recordChanged(record: "acc-1", expected: 7)) {
            try await store.commitAccepted(AcceptedCommit(change: stale, digest: ChangeDigest(of: stale), state: try created(stale), expectedRevision: 7))
        }
        #expect(try await store.decision(for: stale.dot) == nil, "nothing written")
        #expect(try await store.decidedCounter(of: F.office) == 0)
        #expect(try await store.logHead() == 1)
    }

    public static func logReadsPageAndSkipAnAuthor(_ store: any ServerStore) async throws {
        var positions: [LogPosition] = []
        for counter in 1...3 {
            positions.append(try await commit(F.account("acc-a\(counter)", counter: UInt64(counter)), to: store))
            positions.append(try await commit(F.account("acc-o\(counter)", replica: F.office, counter: UInt64(counter)), to: store))
        }
        let first = try await store.readLog(after: .start, limit: 2, excludingAuthor: nil)
        #expect(first.entries.map(\.position) == Array(positions[0..<2]))
        #expect(first.scannedThrough == positions[1] && first.hasMore)
        let rest = try await store.readLog(after: first.scannedThrough, limit: 10, excludingAuthor: nil)
        #expect(rest.entries.map(\.position) == Array(positions[2...]))
        #expect(!rest.hasMore)
        let others = try await store.readLog(after: .start, limit: 2, excludingAuthor: F.anna)
        #expect(others.entries.map(\.change.dot.replica) == [F.office, F.office])
        #expect(others.scannedThrough == positions[3] && others.hasMore)
        let last = try await store.readLog(after: others.scannedThrough, limit: 2, excludingAuthor: F.anna)
        #expect(last.entries.map(\.position) == [positions[5]])
        #expect(!last.hasMore)
        let onlyOwnLeft = try await store.readLog(after: positions[4], limit: 5, excludingAuthor: F.office)
        #expect(onlyOwnLeft.entries.isEmpty)
        #expect(onlyOwnLeft.scannedThrough == positions[5], "moves past excluded entries to the head")
    }

    public static func recordsPageInBytewiseOrder(_ store: any ServerStore) async throws {
        let ids = ["acc-b", "Z-1", "acc-a", "acc-a:1", "acc-a.2", "0"]
        for (index, id) in ids.enumerated() { _ = try await commit(F.account(id, counter: UInt64(index + 1)), to: store) }
        let sorted = ids.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var seen: [String] = []
        var after: String?
        while true {
            let page = try await store.records(after: after, limit: 4)
            seen += page.map(\.id)
            guard page.count == 4, let last = page.last else { break }
            after = last.id
        }
        #expect(seen == sorted)
        #expect(try await store.records(after: "acc-a:1", limit: 10).map(\.id) == ["acc-b"])
    }

    public static func purgingLeavesAStub(_ store: any ServerStore) async throws {
        let position = try await commit(F.account(counter: 1), to: store)
        await #expect(throws: ServerStoreError.recordChanged(record: "acc-1", expected: position.next)) {
            try await store.purgeRecord("acc-1", revision: position.next)
        }
        try await store.purgeRecord("acc-1", revision: position)
        #expect(try await store.record("acc-1") == .purged(RecordRef(entity: "account", id: "acc-1")))
        #expect(try await store.records(after: nil, limit: 10).isEmpty)
        let revived = F.account(counter: 2)
        await #expect(throws: ServerStoreError.recordChanged(record: "acc-1", expected: nil)) {
            try await store.commitAccepted(AcceptedCommit(change: revived, digest: ChangeDigest(of: revived), state: try created(revived), expectedRevision: nil))
        }
        #expect(try await store.acceptedDots(among: [Dot(replica: F.anna, counter: 1)]).count == 1, "decisions outlive the record")
    }

    public static func acknowledgementsAreMonotone(_ store: any ServerStore) async throws {
        let anna = Acknowledgement(replica: F.anna, position: 5, vector: VersionVector([F.anna: 3, F.office: 2]))
        #expect(try await store.acknowledge(anna) == .recorded)
        let behind = Acknowledgement(replica: F.office, position: 4, vector: VersionVector([F.anna: 2, F.office: 9]))
        #expect(try await store.acknowledge(behind) == .notAdmitted, "would lower the frontier")
        let office = Acknowledgement(replica: F.office, position: 6, vector: VersionVector([F.anna: 3, F.office: 4]))
        #expect(try await store.acknowledge(office) == .recorded)
        #expect(try await store.acknowledge(Acknowledgement(replica: F.anna, position: 5, vector: VersionVector([F.anna: 9]))) == .stale)
        #expect(try await store.acknowledge(Acknowledgement(replica: F.anna, position: 2, vector: VersionVector([F.anna: 9]))) == .stale)
        let state = try await store.frontierState()
        #expect(state.acknowledgements[F.anna] == anna)
        #expect(state.stable == VersionVector([F.anna: 3, F.office: 2]))
        #expect(try await store.acknowledge(Acknowledgement(replica: F.anna, position: 8, vector: VersionVector([F.anna: 5, F.office: 5]))) == .recorded)
        #expect(try await store.frontierState().stable == VersionVector([F.anna: 3, F.office: 4]))
        #expect(try await store.frontierState().lowestAcknowledgedPosition == 6)
    }

    public static func retirementAndResync(_ store: any ServerStore) async throws {
        #expect(try await store.acknowledge(Acknowledgement(replica: F.office, position: 1, vector: VersionVector([F.anna: 1]))) == .recorded)
        #expect(try await store.acknowledge(Acknowledgement(replica: F.anna, position: 3, vector: VersionVector([F.anna: 3]))) == .recorded)
        try await store.retire(F.office)
        var state = try await store.frontierState()
        #expect(!state.isActive(F.office))
        #expect(state.needsResync == [F.office])
        #expect(state.stable == VersionVector([F.anna: 3]))
        try await store.beginResync(F.office)
        state = try await store.frontierState()
        #expect(state.needsResync.isEmpty)
        #expect(!state.isActive(F.office), "re-enters only with an acknowledgement")
        #expect(try await store.acknowledge(Acknowledgement(replica: F.office, position: 2, vector: VersionVector([F.anna: 2]))) == .notAdmitted)
        #expect(try await store.acknowledge(Acknowledgement(replica: F.office, position: 4, vector: VersionVector([F.anna: 4]))) == .recorded)
        #expect(try await store.frontierState().stable == VersionVector([F.anna: 3]))
    }

    public static func truncationKeepsVectorsAndDecisions(_ store: any ServerStore) async throws {
        var positions: [LogPosition] = []
        for counter in 1...4 { positions.append(try await commit(F.account("acc-\(counter)", counter: UInt64(counter)), to: store)) }
        try await store.truncateLog(through: positions[1])
        await #expect(throws: ServerStoreError.logCompacted(requested: positions[0], floor: positions[1])) {
            try await store.readLog(after: positions[0], limit: 10, excludingAuthor: nil)
        }
        await #expect(throws: ServerStoreError.self) { try await store.logVector(through: positions[0]) }
        let rest = try await store.readLog(after: positions[1], limit: 10, excludingAuthor: nil)
        #expect(rest.entries.map(\.position) == Array(positions[2...]))
        #expect(try await store.logVector(through: positions[2]) == VersionVector([F.anna: 3]))
        #expect(try await store.decision(for: Dot(replica: F.anna, counter: 1))?.isAccepted == true)
        #expect(try await store.acceptedDots(among: [Dot(replica: F.anna, counter: 1)]).count == 1)
        try await store.truncateLog(through: positions[0])
        #expect(try await store.readLog(after: positions[1], limit: 1, excludingAuthor: nil).entries.count == 1, "never goes back")
        try await store.truncateLog(through: 1000)
        #expect(try await store.readLog(after: positions[3], limit: 10, excludingAuthor: nil).entries.isEmpty, "clamped to the head")
    }

    // MARK: Helpers

    /// The state `change` creates on an empty record.
    public static func created(_ change: Change) throws -> RecordState {
        try RecordState(entity: change.entity, id: change.record).merged(with: change).state
    }

    /// Merges `change` into the stored record (or a new one) and commits it.
    public static func commit(_ change: Change, scope: ScopeFacts? = nil, to store: any ServerStore) async throws -> LogPosition {
        let current = try await store.record(change.record).record
        let base = current?.state ?? RecordState(entity: change.entity, id: change.record)
        let state = try base.merged(with: change).state
        return try await store.commitAccepted(
            AcceptedCommit(
                change: change, digest: ChangeDigest(of: change), state: state, expectedRevision: current?.revision, scope: scope
            )
        )
    }
}
