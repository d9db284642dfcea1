import FieldbookClient
import FieldbookModel
import FieldbookSync
import Foundation
import GRDB
import Testing

@Suite("Discarding rejected changes")
struct StatusDiscardTests {
    /// A harness holding account acc-1 "Müller" from the office.
    func withAccount() throws -> SyncHarness {
        var harness = try SyncHarness()
        try harness.office("account", "acc-1") { change in
            change.set("name", to: "Müller")
            change.add("customer", to: "roles")
        }
        return harness
    }

    @Test func aRejectedDeleteIsUndoneAndTheServerAgrees() throws {
        var harness = try withAccount()
        try harness.database.write { try $0.delete("account", "acc-1") }
        let delete = try harness.lastLocalDot()
        try harness.push(rejecting: [delete])
        #expect(try harness.database.record("acc-1")?.isDeleted == true, "still applied locally")

        let result = try harness.database.discardRejected(dot: delete)
        #expect(result.restored == [.deleted])
        #expect(!result.removedRecord)
        let compensation = try #require(result.compensation)
        #expect(compensation.ops.map(\.slot) == [.deleted])
        #expect(compensation.ops[0].value == false)
        #expect(compensation.ops[0].supersedes == [delete])
        #expect(try harness.database.record("acc-1")?.isDeleted == false)
        #expect(try harness.database.outbox().map(\.change.dot) == [compensation.dot])
        let visible = try harness.database.read { db in try Int.fetchOne(db, sql: "SELECT _deleted FROM e_account") }
        #expect(visible == 0)
        try harness.push()
        #expect(try harness.converged("acc-1", sets: ["roles"]))
    }

    @Test func aRejectedCreationRemovesTheRecord() throws {
        var harness = try withAccount()
        try harness.local("contact", "con-1") { change in
            change.set("account", to: "acc-1")
            change.set("lastName", to: "Schmidt")
        }
        let creation = try harness.lastLocalDot()
        try harness.push(rejecting: [creation])
        let result = try harness.database.discardRejected(dot: creation)
        #expect(result.removedRecord)
        #expect(result.compensation == nil)
        #expect(try harness.database.record("con-1") == nil)
        #expect(try harness.database.records("contact").isEmpty)
        let projected = try harness.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM e_contact") }
        #expect(projected == 0)
        #expect(try harness.database.outbox().isEmpty)
    }

    @Test func anOverwrittenServerValueCannotBeGuessedButAFixMakesTheDiscardPossible() throws {
        var harness = try withAccount()
        try harness.local("account", "acc-1") { $0.set("name", to: "Rejected Name") }
        let rejected = try harness.lastLocalDot()
        try harness.push(rejecting: [rejected])

        #expect(throws: DiscardError.self) { try harness.database.discardRejected(dot: rejected) }
        do {
            try harness.database.discardRejected(dot: rejected)
        } catch let error as DiscardError {
            guard case .earlierValuesUnknown(_, "account", "acc-1", let fields) = error else { throw error }
            #expect(fields == ["name"])
            #expect(!error.description.contains("Rejected Name") && !error.description.contains("Müller"))
        }
        #expect(try harness.database.outbox(.rejected).map(\.change.dot) == [rejected], "nothing changed")

        // The fix: set the field again, then discard.
        try harness.local("account", "acc-1") { $0.set("name", to: "Müller KG") }
        let result = try harness.database.discardRejected(dot: rejected)
        #expect(result.restored.isEmpty, "the fix stands")
        let compensation = try #require(result.compensation)
        let serverDot = try #require(harness.server.records["acc-1"]?.register(.field("name")).winner?.dot)
        #expect(compensation.ops[0].supersedes == [serverDot], "realigns the server, which never saw the rejected change")
        #expect(try harness.database.record("acc-1")?.value("name") == "Müller KG")
        try harness.push()
        #expect(harness.server.conflicts.isEmpty, "without the compensation the server would hold a conflict")
        #expect(try harness.converged("acc-1", sets: ["roles"]))
    }

    @Test func aFieldSetForTheFirstTimeIsClearedAndSetChangesAreReverted() throws {
        var harness = try withAccount()
        try harness.local("account", "acc-1") { change in
            change.set("industry", to: "Machinery")
            change.add("partner", to: "roles")
            change.remove("customer", from: "roles")
        }
        let rejected = try harness.lastLocalDot()
        try harness.push(rejecting: [rejected])
        let result = try harness.database.discardRejected(dot: rejected)
        let expected: Set<Slot> = [.field("industry"), .element("partner", of: "roles"), .element("customer", of: "roles")]
        #expect(Set(result.restored) == expected)
        let record = try #require(try harness.database.record("acc-1"))
        #expect(record.value("industry") == .null)
        #expect(record.elements(of: "roles") == ["customer"])
        try harness.push()
        #expect(try harness.converged("acc-1", sets: ["roles"]))
    }

    @Test func aListItemInsertedByTheRejectedChangeGoesAgain() throws {
        var harness = try withAccount()
        try harness.office("contact", "con-1") { change in
            change.set("account", to: "acc-1")
            change.set("lastName", to: "Schmidt")
        }
        try harness.local("contact", "con-1") { change in
            change.insertItem("role-1", into: "accountRoles", after: nil, members: ["account": "acc-2", "function": "Buyer"])
        }
        let rejected = try harness.lastLocalDot()
        try harness.push(rejecting: [rejected])
        #expect(try harness.database.record("con-1")?.items(of: "accountRoles").count == 1)

        let result = try harness.database.discardRejected(dot: rejected)
        let compensation = try #require(result.compensation)
        #expect(compensation.ops.map(\.slot) == [.item("role-1", of: "accountRoles")], "members go with the item")
        #expect(compensation.ops[0].value == nil)
        #expect(try harness.database.record("con-1")?.items(of: "accountRoles").isEmpty == true)
        try harness.push()
        #expect(try harness.converged("con-1"))
        #expect(harness.server.records["con-1"]?.items(of: "accountRoles").isEmpty == true)
    }

    @Test func laterLocalEditsAndConcurrentRemoteWritesStand() throws {
        var harness = try withAccount()
        try harness.local("account", "acc-1") { change in
            change.set("industry", to: "Machinery")
            change.set("phone", to: "+49 711 1")
        }
        let rejected = try harness.lastLocalDot()
        try harness.push(rejecting: [rejected])
        try harness.local("account", "acc-1") { $0.set("industry", to: "Tools") }
        try harness.office("account", "acc-1") { $0.set("phone", to: "+49 711 2") }
        #expect(try harness.database.conflicts().map(\.id) == ["acc-1#phone"])

        let result = try harness.database.discardRejected(dot: rejected)
        #expect(result.restored.isEmpty)
        let record = try #require(try harness.database.record("acc-1"))
        #expect(record.value("industry") == "Tools")
        #expect(record.value("phone") == "+49 711 2")
        #expect(record.conflicts.isEmpty, "the rejected side of the conflict is gone")
        try harness.push()
        #expect(try harness.converged("acc-1", sets: ["roles"]))
    }

    @Test func chainedRejectionsAreDiscardedNewestFirstBackToTheServerValue() throws {
        var harness = try withAccount()
        try harness.local("account", "acc-1") { $0.set("industry", to: "Machinery") }
        let first = try harness.lastLocalDot()
        try harness.local("account", "acc-1") { $0.set("industry", to: "Tools") }
        let second = try harness.lastLocalDot()
        try harness.push(rejecting: [first, second])

        #expect(throws: DiscardError.laterRejectedChanges(dot: first, blocking: [second])) {
            try harness.database.discardRejected(dot: first)
        }
        let undoSecond = try harness.database.discardRejected(dot: second)
        #expect(undoSecond.restored == [.field("industry")])
        let industry = try harness.database.record("acc-1")?.value("industry")
        #expect(industry == .null, "what the server holds, not the rejected first value")
        #expect(try harness.database.outbox(.rejected).map(\.change.dot) == [first])
        try harness.database.discardRejected(dot: first)
        #expect(try harness.database.record("acc-1")?.value("industry") == .null)
        #expect(try harness.database.outbox(.rejected).isEmpty)
        try harness.push()
        #expect(try harness.converged("acc-1", sets: ["roles"]))
    }

    @Test func aRecordTheServerNeverHadIsRebuiltFromItsRemainingChanges() throws {
        var harness = try withAccount()
        try harness.local("contact", "con-1") { change in
            change.set("account", to: "acc-1")
            change.set("lastName", to: "Schmidt")
        }
        let creation = try harness.lastLocalDot()
        try harness.local("contact", "con-1") { $0.set("city", to: "Stuttgart") }
        let edit = try harness.lastLocalDot()
        try harness.push(rejecting: [creation, edit])

        let undoCreation = try harness.database.discardRejected(dot: creation)
        #expect(undoCreation.compensation == nil && !undoCreation.removedRecord)
        let husk = try #require(try harness.database.record("con-1"))
        #expect(husk.value("lastName") == nil)
        #expect(husk.value("city") == "Stuttgart")
        let undoEdit = try harness.database.discardRejected(dot: edit)
        #expect(undoEdit.removedRecord)
        #expect(try harness.database.record("con-1") == nil)
        #expect(try harness.database.outbox().isEmpty, "nothing to sync: the server never had the contact")
    }

    @Test func onlyRejectedChangesCanBeDiscarded() throws {
        let harness = try withAccount()
        try harness.local("account", "acc-1") { $0.set("industry", to: "Machinery") }
        let pending = try harness.lastLocalDot()
        #expect(throws: DiscardError.notRejected(pending)) { try harness.database.discardRejected(dot: pending) }
        let unknown = Dot(replica: harness.database.replicaID, counter: 99)
        #expect(throws: DiscardError.notFound(unknown)) { try harness.database.discardRejected(dot: unknown) }
        #expect(try harness.database.outbox(.pending).count == 1)
    }
}
