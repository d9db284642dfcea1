import FieldbookClient
import FieldbookModel
import FieldbookSync
import Testing

@Suite("Typed records: saves write only what changed")
struct TypedRecordDiffTests {
    let database: ClientDatabase

    init() throws { database = try ClientDatabase.inMemory(clock: TypedRecordFixtures.clock) }

    /// The slots the last outbox change wrote, as paths.
    func lastChangeSlots() throws -> [String] {
        try #require(try database.outbox().last).change.ops.map(\.slot.path)
    }

    func outboxCount() throws -> Int { try database.outbox().count }

    @Test func savingAnUnchangedRecordWritesNothing() throws {
        let records: [any EntityRecord] = [
            TypedRecordFixtures.account(), TypedRecordFixtures.contact(), TypedRecordFixtures.lead(),
            TypedRecordFixtures.opportunity(), TypedRecordFixtures.task(), TypedRecordFixtures.appointment(),
            TypedRecordFixtures.visitReport(), TypedRecordFixtures.offer(), TypedRecordFixtures.ticket(),
            TypedRecordFixtures.contract(),
        ]
        for record in records { try expectUnchangedSavesWriteNothing(record) }
        // A value built in code equal to the stored record writes nothing either.
        try database.save(TypedRecordFixtures.account())
        #expect(try outboxCount() == records.count)
    }

    func expectUnchangedSavesWriteNothing<T: EntityRecord>(_ record: T) throws {
        let saved = try database.save(record)
        let count = try outboxCount()
        let again = try database.save(saved)
        #expect(try outboxCount() == count, "saving the returned \(T.self) again writes nothing")
        #expect(again == saved)
        let reloaded = try #require(try database.record(T.self, id: saved.id))
        try database.save(reloaded)
        #expect(try outboxCount() == count, "saving a freshly read \(T.self) writes nothing")
    }

    @Test func aOneFieldEditWritesExactlyThatSlot() throws {
        var account = try database.save(TypedRecordFixtures.account())
        account.phone = "+49 711 999"
        account = try database.save(account)
        #expect(try lastChangeSlots() == ["phone"])

        account.notes = nil
        try database.save(account)
        #expect(try lastChangeSlots() == ["notes"])
        #expect(try database.record("acc-1")?.value("notes") == .null, "clearing writes null")

        var offer = try database.save(TypedRecordFixtures.offer())
        offer.paymentTerms = "14 Tage 2 % Skonto"
        offer = try database.save(offer)
        #expect(try lastChangeSlots() == ["paymentTerms"], "unchanged totals are not rewritten")
    }

    @Test func setEditsAddAndRemoveOnlyTheElementsThatChanged() throws {
        var account = try database.save(TypedRecordFixtures.account())
        account.roles.remove(.partner)
        account.roles.insert(.prospect)
        account.interests.insert("Robotik")
        try database.save(account)
        #expect(try lastChangeSlots() == ["interests/Robotik", "roles/partner", "roles/prospect"])
        let ops = try #require(try database.outbox().last).change.ops
        #expect(ops.map(\.value) == [.bool(true), nil, .bool(true)])
    }

    @Test func listEditsInsertMoveRemoveAndSetOnlyWhatChanged() throws {
        var account = try database.save(TypedRecordFixtures.account())  // b, a, c

        account.addresses[1].city = "Ulm"
        account = try database.save(account)
        #expect(try lastChangeSlots() == ["addresses/addr-a", "addresses/addr-a/city"])

        account.addresses.insert(account.addresses.removeLast(), at: 0)  // c, b, a
        account = try database.save(account)
        #expect(try lastChangeSlots() == ["addresses/addr-c", "addresses/addr-c/@pos"], "one move, not three")

        account.addresses.insert(Account.Address(id: "addr-n", kind: .shipping, city: "Köln"), at: 1)
        account.addresses.removeAll { $0.id == "addr-a" }
        account = try database.save(account)
        #expect(
            try lastChangeSlots()
                == [
                    "addresses/addr-a", "addresses/addr-n", "addresses/addr-n/@pos", "addresses/addr-n/city",
                    "addresses/addr-n/kind",
                ])
        #expect(account.addresses.map(\.id) == ["addr-c", "addr-n", "addr-b"])
        let stored = try #require(try database.record(Account.self, id: "acc-1"))
        #expect(stored.addresses == account.addresses)
    }

    @Test func editingAnOfferLineStoresTheNewTotalsInTheSameChange() throws {
        var offer = try database.save(TypedRecordFixtures.offer())
        offer.lines[1].quantity = 2
        offer = try database.save(offer)
        #expect(
            try lastChangeSlots()
                == ["grossTotal", "lines/line-a", "lines/line-a/net", "lines/line-a/quantity", "netTotal", "taxAmount"])
        #expect(offer.lines[1].net == DecimalNumber(unchecked: "200.00"))
        #expect(offer.netTotal == DecimalNumber(unchecked: "252.47"))
        #expect(offer.grossTotal == DecimalNumber(unchecked: "300.44"))

        offer.lines.removeAll()
        offer = try database.save(offer)
        #expect(
            offer.netTotal == DecimalNumber(unchecked: "0.00") && offer.grossTotal == DecimalNumber(unchecked: "0.00"))
    }

    @Test func aConcurrentRemoteEditOfAnotherFieldSurvivesAStaleSave() throws {
        var office = OfficeReplica()
        try database.save(TypedRecordFixtures.account())
        var stale = try #require(try database.record(Account.self, id: "acc-1"))
        try office.pull(from: database)

        // The office changes the phone, adds an interest and edits an address after the rep read the record.
        try office.edit("account", "acc-1", in: database) { change in
            change.set("phone", to: "+49 30 555")
            change.add("Energie", to: "interests")
            change.setItem("addr-b", in: "addresses", member: "city", to: "Berlin")
        }
        // The rep, on the stale copy, edits other things.
        stale.notes = "Neue Notiz"
        stale.interests.remove("Hydraulik")
        stale.addresses[1].street = "Werkstraße 2"
        let saved = try database.save(stale)
        #expect(
            try lastChangeSlots() == ["addresses/addr-a", "addresses/addr-a/street", "interests/Hydraulik", "notes"])

        #expect(saved.phone == "+49 30 555", "the remote edit survives")
        #expect(saved.notes == "Neue Notiz", "the local edit is saved")
        #expect(saved.interests == ["Industrie 4.0", "naïve café", "Energie"])
        #expect(saved.addresses.map(\.city) == ["Berlin", "Esslingen", nil])
        #expect(saved.addresses[1].street == "Werkstraße 2")
        #expect(!saved.hasConflicts)
        #expect(try database.record(Account.self, id: "acc-1") == saved)
    }

    @Test func aStaleEditOfAFieldTheOfficeChangedAfterTheReadBecomesAConflict() throws {
        var office = OfficeReplica()
        try database.save(TypedRecordFixtures.account())
        var stale = try #require(try database.record(Account.self, id: "acc-1"))
        try office.pull(from: database)
        try office.edit("account", "acc-1", in: database) { $0.set("phone", to: "+49 30 555") }

        // The rep never saw the office's phone number and types another one.
        stale.phone = "+49 711 999"
        let saved = try database.save(stale)
        #expect(saved.hasConflicts, "the unseen office value is kept as a conflict, not overwritten")
        let conflict = try #require(try database.conflicts().first { $0.slot == .field("phone") })
        let values = Set([conflict.winner.value] + conflict.others.map(\.entry.value))
        #expect(values == ["+49 30 555", "+49 711 999"])
    }

    @Test func aRemoteEditArrivingAfterTheSaveMergesPerField() throws {
        var office = OfficeReplica()
        var account = try database.save(TypedRecordFixtures.account())
        try office.pull(from: database)
        account.website = "https://neu.example"
        try database.save(account)  // not yet seen by the office: concurrent with its edit
        try office.edit("account", "acc-1", in: database) { $0.set("industry", to: "Automotive") }
        let merged = try #require(try database.record(Account.self, id: "acc-1"))
        #expect(merged.website == "https://neu.example" && merged.industry == "Automotive")
        #expect(!merged.hasConflicts)

        try office.edit("account", "acc-1", in: database) { $0.set("website", to: "https://office.example") }
        let conflicted = try #require(try database.record(Account.self, id: "acc-1"))
        #expect(conflicted.hasConflicts, "both changed the website concurrently")
    }

    @Test func aValueBuiltInCodeReplacesTheStoredRecord() throws {
        var original = TypedRecordFixtures.account()
        original.sourceLead = nil
        try database.save(original)
        let replaced = try database.save(Account(id: "acc-1", name: "Neu GmbH", roles: [.customer]))
        #expect(replaced == Account(id: "acc-1", name: "Neu GmbH", roles: [.customer]))
        let stored = try #require(try database.record("acc-1"))
        #expect(stored.value("phone") == .null && stored.items(of: "addresses").isEmpty)
        #expect(stored.elements(of: "roles") == ["customer"])
    }

    @Test func fieldsReservedToTheOfficeAreReadButNeverWritten() throws {
        var office = OfficeReplica()
        try database.save(TypedRecordFixtures.account())
        try office.pull(from: database)
        try office.edit("account", "acc-1", in: database) { $0.set("abcClass", to: "B") }
        var account = try #require(try database.record(Account.self, id: "acc-1"))
        #expect(account.abcClass == .b)
        account.phone = "+49 711 1"
        account = try database.save(account)
        #expect(try lastChangeSlots() == ["phone"])
        var rebuilt = TypedRecordFixtures.account()  // built in code: abcClass nil
        rebuilt.phone = "+49 711 2"
        #expect(try database.save(rebuilt).abcClass == .b, "a replacing save leaves it alone")
        #expect(try lastChangeSlots() == ["phone"])
    }
}
