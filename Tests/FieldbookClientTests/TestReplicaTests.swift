import FieldbookClient
import FieldbookClientTesting
import FieldbookSync
import GRDB
import Testing

@Suite("FieldbookClientTesting")
struct TestReplicaTests {
    @Test func sampleDataIsValidAndQueryable() throws {
        let replica = try TestReplica()
        let sample = try replica.seedSampleData()
        let contacts = try replica.database.read { db in
            try String.fetchAll(db, sql: "SELECT id FROM e_contact WHERE account = ? ORDER BY id", arguments: [sample.accountID])
        }
        #expect(contacts == sample.contactIDs.sorted())
        #expect(try replica.database.outbox().count == 5)
    }

    @Test func officeEditsArriveLikeASyncAndCanConflict() async throws {
        let replica = try TestReplica()
        let sample = try replica.seedSampleData()
        let names = replica.database.observe { db in
            try String.fetchOne(db, sql: "SELECT name FROM e_account")
        }
        var updates = names.makeAsyncIterator()
        #expect(try await updates.next() == "Müller Maschinenbau GmbH")
        try replica.office.edit("account", sample.accountID) { $0.set("name", to: "Müller GmbH") }
        #expect(try await updates.next() == "Müller GmbH")
        #expect(try replica.database.outbox().count == 5, "remote edits are not queued for push")

        replica.clock.advance(by: 60_000)
        try replica.database.edit("account", sample.accountID) { $0.set("phone", to: "+49 711 1") }
        try replica.office.edit("contact", sample.contactIDs[0]) { $0.set("lastName", to: "Schmitt") }
        try replica.database.edit("contact", sample.contactIDs[0]) { $0.set("lastName", to: "Schmid") }
        #expect(try replica.database.conflicts().isEmpty, "the local edit saw the office's")
    }
}
