import FieldbookClient
import FieldbookModel
import FieldbookSync
import GRDB
import Testing

@Suite("Typed records: queries, deletion and observation")
struct TypedRecordQueryTests {
    let database: ClientDatabase
    let today = TypedRecordFixtures.today

    init() throws { database = try ClientDatabase.inMemory(clock: TypedRecordFixtures.clock) }

    @Test func allListsLiveRecordsInTheirDefaultOrder() throws {
        try database.write { transaction in
            for name in ["Zeta AG", "Alpha GmbH", "Mitte KG"] { try transaction.save(Account(name: name)) }
        }
        #expect(try database.all(Account.self).map(\.name) == ["Alpha GmbH", "Mitte KG", "Zeta AG"])
        let mitte = try #require(try database.all(Account.self).first { $0.name == "Mitte KG" })
        try database.delete(Account.self, id: mitte.id)
        #expect(try database.all(Account.self).map(\.name) == ["Alpha GmbH", "Zeta AG"])
    }

    @Test func recordsAreFoundByReferenceAndByValue() throws {
        try database.write { transaction in
            try transaction.save(Contact(id: "c-1", account: "acc-1", lastName: "Weber"))
            try transaction.save(Contact(id: "c-2", account: "acc-2", lastName: "Amsel"))
            try transaction.save(Contact(id: "c-3", account: "acc-1", lastName: "Becker"))
            try transaction.save(TypedRecordFixtures.opportunity(id: "opp-lost"))
            var open = TypedRecordFixtures.opportunity(id: "opp-open")
            open.status = .open
            try transaction.save(open)
        }
        #expect(try database.all(Contact.self, where: "account", equals: "acc-1").map(\.id) == ["c-3", "c-1"])
        #expect(
            try database.all(Opportunity.self, where: "status", equals: Opportunity.Status.open).map(\.id) == [
                "opp-open"
            ])
        #expect(
            try database.all(Opportunity.self, where: "closeDate", equals: today).map(\.id) == ["opp-lost", "opp-open"])
        #expect(throws: (any Error).self) { try database.all(Account.self, where: "roles", equals: "customer") }
    }

    @Test func tasksAndHistoryComeTyped() throws {
        try database.write { transaction in
            try transaction.save(
                Activity.task(id: "t-1", subject: "Heute", account: "acc-1", assignee: "user-anna", dueDate: today))
            try transaction.save(
                Activity.task(
                    id: "t-0", subject: "Überfällig", account: "acc-1", assignee: "user-anna",
                    dueDate: today.adding(days: -2)))
            var done = Activity.task(
                id: "t-2", subject: "Erledigt", account: "acc-1", assignee: "user-anna", dueDate: today)
            done.status = .done
            try transaction.save(done)
            try transaction.save(
                Activity.history(
                    .call, id: "h-1", subject: "Anruf", account: "acc-1", occurredAt: TypedRecordFixtures.now))
        }
        let open = try database.all(Activity.self, matching: TaskQuery(openOnly: true), today: today)
        #expect(open.map(\.id) == ["t-0", "t-1"])
        #expect(open.allSatisfy { $0.isOpenTask })
        #expect(
            try database.all(Activity.self, matching: TaskQuery(due: .overdue), today: today).map(\.subject) == [
                "Überfällig"
            ])
        #expect(try database.history(Activity.self, account: "acc-1").map(\.id) == ["h-1"])
        #expect(try database.history(Activity.self, kind: .visit).isEmpty)
    }

    @Test func deletedRecordsAreHiddenRestorableAndNotSavedOver() throws {
        let stale = try database.save(TypedRecordFixtures.contract())
        try database.delete(stale)
        #expect(try database.record(Contract.self, id: "ctr-1") == nil)
        let tombstone = try #require(try database.record(Contract.self, id: "ctr-1", includingDeleted: true))
        #expect(tombstone.isDeleted && tombstone.name == "Wartung 2027")
        #expect(throws: ClientError.self) { try database.save(stale) }
        #expect(throws: ClientError.self) { try database.delete(stale) }

        let restored = try database.restore(Contract.self, id: "ctr-1")
        #expect(!restored.isDeleted && restored == stale)
        var edited = restored
        edited.scope = "Nur Presse 7"
        #expect(try database.save(edited).scope == "Nur Presse 7")
    }

    @Test func severalTypedSavesCommitInOneTransaction() throws {
        let changes = try database.write { transaction in
            let account = try transaction.save(Account(name: "Neu GmbH"))
            try transaction.save(Contact(account: account.id, lastName: "Schmidt"))
            #expect(try transaction.record(Account.self, id: account.id)?.name == "Neu GmbH")
            return transaction.changes.count
        }
        #expect(changes == 2)
        #expect(try database.outbox().map(\.change.entity) == ["account", "contact"])
    }

    @Test func typedAppointmentsAreCheckedForCollisions() throws {
        let first = try database.saveAppointment(TypedRecordFixtures.appointment())
        #expect(first.icalUID == "custom-uid@example")
        var overlapping = TypedRecordFixtures.appointment(id: "appt-2")
        overlapping.icalUID = nil
        #expect(throws: SchedulingConflict.self) { try database.saveAppointment(overlapping) }
        #expect(try database.record(Appointment.self, id: "appt-2") == nil)
        #expect(try database.collisions(with: overlapping).map(\.id) == ["appt-1"])

        let allowed = try database.saveAppointment(overlapping, allowingCollisions: true)
        #expect(allowed.icalUID == ClientDatabase.icalUID(forAppointment: "appt-2"))
        let plain = try database.save(Appointment(subject: "Plain", start: first.start, end: first.end))
        #expect(plain.icalUID == ClientDatabase.icalUID(forAppointment: plain.id), "save assigns the UID too")
    }

    @Test func observationDeliversTypedArraysAfterSavesAndSyncs() async throws {
        var accounts = database.observeAll(Account.self).makeAsyncIterator()
        #expect(try await accounts.next() == [])
        let saved = try database.save(Account(id: "acc-1", name: "Müller GmbH", roles: [.customer]))
        #expect(try await accounts.next() == [saved])

        var office = OfficeReplica()
        try office.pull(from: database)
        try office.edit("account", "acc-1", in: database) { $0.set("name", to: "Müller AG") }
        let synced = try #require(try await accounts.next())
        #expect(synced.map(\.name) == ["Müller AG"])
        #expect(synced.first?.roles == [.customer])
    }

    @Test func observingOneRecordEndsInNilWhenItIsDeleted() async throws {
        var account = database.observe(Account.self, id: "acc-1").makeAsyncIterator()
        #expect(try await account.next() == .some(nil))
        let saved = try database.save(TypedRecordFixtures.account())
        #expect(try await account.next() == saved)
        try database.delete(saved)
        #expect(try await account.next() == .some(nil))
    }

    @Test func observingByReferenceAndTaskQuery() async throws {
        var contacts = database.observeAll(Contact.self, where: "account", equals: "acc-1").makeAsyncIterator()
        var tasks = database.observeAll(Activity.self, matching: TaskQuery(openOnly: true), today: today)
            .makeAsyncIterator()
        #expect(try await contacts.next() == [])
        #expect(try await tasks.next() == [])
        let contact = try database.save(Contact(account: "acc-1", lastName: "Schmidt"))
        #expect(try await contacts.next() == [contact])
        var task = try database.save(
            Activity.task(subject: "Anrufen", account: "acc-1", assignee: "user-anna", dueDate: today))
        #expect(try await tasks.next() == [task])
        task.status = .done
        try database.save(task)
        #expect(try await tasks.next() == [])
    }
}
