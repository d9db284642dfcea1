import FieldbookClient
import FieldbookModel
import FieldbookSync
import Foundation
import GRDB
import Testing

/// A local replica and a simulated server that accepts or rejects pushes,
/// for tests that need real conflicts and real rejections.
struct SyncHarness {
    let clock = ManualClock(millis: 1_763_800_000_000)
    let database: ClientDatabase
    /// The server's replica: everything accepted, nothing rejected.
    var server = Replica(id: ReplicaID(unchecked: "server"))

    init() throws { database = try ClientDatabase.inMemory(clock: clock) }

    /// A change made at the office one second later, not yet pulled.
    mutating func officeChange(
        _ entity: String, _ id: String, _ body: (inout ChangeBuilder) -> Void
    ) throws -> Change {
        clock.advance(by: 1000)
        let change = server.change(entity, id, physical: clock.nowMillis(), body)
        return try #require(change)
    }

    /// A change made at the office and pulled at once.
    @discardableResult
    mutating func office(_ entity: String, _ id: String, _ body: (inout ChangeBuilder) -> Void) throws -> Change {
        let change = try officeChange(entity, id, body)
        try database.applyRemote([change])
        return change
    }

    /// A local edit one second later.
    @discardableResult
    func local(_ entity: String, _ id: String, _ body: (inout ChangeBuilder) throws -> Void) throws -> RecordState {
        clock.advance(by: 1000)
        return try database.edit(entity, id, body)
    }

    /// The dot of the latest local change.
    func lastLocalDot() throws -> Dot { try #require(try database.outbox().last?.change.dot) }

    /// Pushes every pending change: the server applies those it accepts
    /// (they leave the outbox) and refuses the ones in `rejecting`.
    mutating func push(rejecting: Set<Dot> = []) throws {
        for entry in try database.outbox(.pending) {
            let dot = entry.change.dot
            if rejecting.contains(dot) {
                try database.writer.write { db in
                    try db.execute(
                        sql: "UPDATE outbox SET status = 'rejected', code = 'business_rule', reason = ? WHERE dot = ?",
                        arguments: ["refused by the server", dot.description]
                    )
                }
            } else {
                try server.receive(entry.change, physical: clock.nowMillis())
                try database.writer.write { db in
                    try db.execute(sql: "DELETE FROM outbox WHERE dot = ?", arguments: [dot.description])
                }
            }
        }
    }

    /// Whether the server and this device show the same record: values,
    /// set elements, deletion and conflicts.
    func converged(_ id: String, sets: [String] = []) throws -> Bool {
        let local = try #require(try database.record(id))
        guard let remote = server.records[id] else { return false }
        return local.fieldValues == remote.fieldValues && local.isDeleted == remote.isDeleted
            && local.conflicts.map(\.id) == remote.conflicts.map(\.id)
            && sets.allSatisfy { local.elements(of: $0) == remote.elements(of: $0) }
    }
}

@Suite("Conflict resolution")
struct ConflictResolutionTests {
    /// Local "Local" and office "Office" written concurrently over "Müller"; the office wrote later.
    func nameConflict() throws -> (SyncHarness, Conflict) {
        var harness = try SyncHarness()
        try harness.office("account", "acc-1") { $0.set("name", to: "Müller") }
        try harness.local("account", "acc-1") { $0.set("name", to: "Local") }
        try harness.office("account", "acc-1") { $0.set("name", to: "Office") }
        try harness.push()
        let conflict = try #require(try harness.database.conflicts().first)
        return (harness, conflict)
    }

    @Test func listedConflictsCarryBothSidesWithTheirWriters() throws {
        let (harness, conflict) = try nameConflict()
        #expect(conflict.id == "acc-1#name")
        #expect(conflict.winner.value == "Office")
        #expect(conflict.winner.dot.replica.rawValue == "server")
        #expect(conflict.others.map(\.entry.value) == ["Local"])
        #expect(conflict.others.first?.entry.dot.replica == harness.database.replicaID)
        #expect(try harness.database.conflict(id: "acc-1#name") == conflict)
        #expect(try harness.database.conflict(id: "acc-1#phone") == nil)
        #expect(try harness.database.conflict(id: "nonsense") == nil)
    }

    @Test func keepingTheLosingSideEndsTheConflictEverywhere() throws {
        var (harness, conflict) = try nameConflict()
        let kept = try harness.database.resolveConflict(id: conflict.id, choice: .keep(conflict.others[0].entry.dot))
        #expect(kept.value("name") == "Local")
        #expect(kept.conflicts.isEmpty)
        let resolution = try #require(try harness.database.pendingChanges().last)
        #expect(Set(resolution.ops[0].supersedes) == Set([conflict.winner.dot, conflict.others[0].entry.dot]))
        #expect(try harness.database.conflicts().isEmpty)
        let flagged = try harness.database.read { db in try Int.fetchOne(db, sql: "SELECT _conflicts FROM e_account") }
        #expect(flagged == 0)
        try harness.push()
        #expect(harness.server.conflicts.isEmpty)
        #expect(try harness.converged("acc-1"))
    }

    @Test func keepingTheCurrentValueOrANewOneAlsoResolves() throws {
        let (first, conflict) = try nameConflict()
        let kept = try first.database.resolveConflict(id: conflict.id, choice: .keep(conflict.winner.dot))
        #expect(kept.value("name") == "Office")
        let (second, again) = try nameConflict()
        let written = try second.database.resolveConflict(id: again.id, choice: .value("Müller & Söhne"))
        #expect(written.value("name") == "Müller & Söhne")
        #expect(written.conflicts.isEmpty)
    }

    @Test func choicesThatDoNotFitAreRefusedAndWriteNothing() throws {
        let (harness, conflict) = try nameConflict()
        let stranger = Dot(replica: ReplicaID(unchecked: "elsewhere"), counter: 9)
        #expect(throws: ConflictResolutionError.unknownSide(conflict: conflict.id, dot: stranger)) {
            try harness.database.resolveConflict(id: conflict.id, choice: .keep(stranger))
        }
        #expect(throws: ConflictResolutionError.self) {
            try harness.database.resolveConflict(id: conflict.id, choice: .restore)
        }
        #expect(throws: ConflictResolutionError.notFound(id: "acc-1#phone")) {
            try harness.database.resolveConflict(id: "acc-1#phone", choice: .value("x"))
        }
        #expect(try harness.database.pendingChanges().isEmpty)
        #expect(try harness.database.conflicts() == [conflict])
    }

    /// The office deletes the account while this device edits its phone.
    func deleteEditConflict() throws -> SyncHarness {
        var harness = try SyncHarness()
        try harness.office("account", "acc-1") { $0.set("name", to: "Müller") }
        try harness.local("account", "acc-1") { $0.set("phone", to: "+49 711 1234") }
        try harness.office("account", "acc-1") { $0.delete() }
        try harness.push()
        return harness
    }

    @Test func aDeleteEditConflictCanBeResolvedByRestoring() throws {
        var harness = try deleteEditConflict()
        let conflict = try #require(try harness.database.conflicts().first)
        #expect(conflict.kind == .deleteEdit)
        #expect(conflict.id == "acc-1#@delete-edit")
        #expect(conflict.others.map(\.slot) == [.field("phone")])
        #expect(throws: ConflictResolutionError.self) {
            try harness.database.resolveConflict(id: conflict.id, choice: .value("x"))
        }
        let restored = try harness.database.resolveConflict(id: conflict.id, choice: .restore)
        #expect(!restored.isDeleted)
        #expect(restored.value("phone") == "+49 711 1234")
        #expect(restored.conflicts.isEmpty)
        try harness.push()
        #expect(try harness.converged("acc-1"))
    }

    @Test func aDeleteEditConflictCanBeResolvedByDeletingAgain() throws {
        var harness = try deleteEditConflict()
        let conflict = try #require(try harness.database.conflicts().first)
        let deleted = try harness.database.resolveConflict(id: conflict.id, choice: .keep(conflict.winner.dot))
        #expect(deleted.isDeleted)
        #expect(deleted.conflicts.isEmpty)
        try harness.push()
        #expect(harness.server.conflicts.isEmpty)
        #expect(try harness.converged("acc-1"))
    }

    @Test func aResolutionThatBreaksTheWorkflowIsRefusedClearly() throws {
        var harness = try SyncHarness()
        try harness.office("account", "acc-1") { $0.set("name", to: "Müller") }
        try harness.office("opportunity", "opp-1") { change in
            change.set("account", to: "acc-1")
            change.set("name", to: "Press line")
            change.set("owner", to: "user-anna")
            change.set("status", to: "open")
        }
        try harness.local("opportunity", "opp-1") { change in
            change.set("status", to: "lost")
            change.set("closeReason", to: "price")
            change.set("closeDate", to: "2026-11-23")
        }
        try harness.office("opportunity", "opp-1") { change in
            change.set("status", to: "won")
            change.set("closeReason", to: "best offer")
            change.set("closeDate", to: "2026-11-23")
        }
        let conflict = try #require(try harness.database.conflict(id: "opp-1#status"))
        #expect(conflict.winner.value == "won")
        do {
            try harness.database.resolveConflict(id: conflict.id, choice: .value("lost"))
            Issue.record("a won opportunity must not be reopened or lost")
        } catch let error as ClientError {
            guard case .validationFailed(_, _, let issues) = error else { throw error }
            #expect(issues.contains { $0.field == "status" && $0.code == .transitionNotAllowed })
        }
        #expect(try harness.database.conflict(id: conflict.id) != nil, "nothing was written")
    }
}
