import FieldbookClient
import FieldbookModel
import FieldbookSync
import Foundation
import Testing

@Suite("vCard export and import of contacts")
struct ContactCardTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/contacts")

    static func fixture(_ name: String) throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
    }

    func replica() throws -> ClientDatabase { try ClientDatabase.inMemory(clock: ManualClock(millis: 1_763_800_000_000)) }

    @Test func exportedCardsImportIntoAnotherReplicaAsTheSameContacts() throws {
        let source = try replica()
        let account = try source.save(Account(name: "Müller GmbH"))
        var anna = Contact(account: account.id, lastName: "Schmidt", title: "Dr.", firstName: "Anna", function: "Einkauf")
        anna.phone = "+49 89 1234-56"
        anna.mobile = "+49 171 2345678"
        anna.email = "anna.schmidt@mueller-gmbh.de"
        anna.street = "Hauptstraße 5"
        anna.postalCode = "80331"
        anna.city = "München"
        anna.country = "DE"
        anna.birthday = CalendarDate(year: 1975, month: 5, day: 17)
        anna.interests = ["Pumpen", "Messe, 2026"]
        anna.notes = "Calls before 10:00; never Fridays.\nMet at the fair."
        anna = try source.save(anna)
        let jonas = try source.save(Contact(account: account.id, lastName: "Weber", firstName: "Jonas"))
        let text = try source.exportContactCards()
        #expect(text.components(separatedBy: "BEGIN:VCARD").count - 1 == 2)

        let target = try replica()
        let sameAccount = try target.save(Account(name: "MÜLLER  GmbH"))  // matched by normalised name
        let report = try target.importContactCards(text)
        #expect(report.created == 2 && report.failed == 0)
        let imported = try target.all(Contact.self).sorted { $0.lastName < $1.lastName }
        #expect(imported.map(\.lastName) == ["Schmidt", "Weber"])
        let copy = imported[0]
        #expect(copy.account == sameAccount.id)
        for keyPath in [\Contact.firstName, \.title, \.function, \.phone, \.mobile, \.email, \.street, \.postalCode, \.city,
                        \.country, \.notes] as [KeyPath<Contact, String?>] {
            #expect(copy[keyPath: keyPath] == anna[keyPath: keyPath])
        }
        #expect(copy.birthday == anna.birthday)
        #expect(copy.interests == anna.interests)
        #expect(imported[1].firstName == jonas.firstName)

        // Importing the same file again changes nothing; so does importing it back into the source.
        let again = try target.importContactCards(text)
        #expect(again.created == 0 && again.updated == 0 && again.unchanged == 2)
        let back = try source.importContactCards(text)
        #expect(back.unchanged == 2)
        #expect(try source.all(Contact.self).count == 2)
    }

    @Test func appleExportIsPlacedByOrganisationAndUnknownOrganisationsAreReported() throws {
        let database = try replica()
        let mueller = try database.save(Account(name: "Müller GmbH"))
        let report = try database.importContactCards(try Self.fixture("apple-contacts-3.0.vcf"))
        #expect(report.created == 2)
        #expect(report.failed == 1)
        let failure = try #require(report.entries.first { if case .failed = $0.outcome { true } else { false } })
        #expect(failure.card == 3)
        #expect(failure.outcome == .failed(.noAccount(organization: "Unknown Trading Ltd")))

        let anna = try #require(try database.all(Contact.self, where: "lastName", equals: "Schmidt").first)
        #expect(anna.account == mueller.id)
        #expect(anna.firstName == "Anna" && anna.title == "Dr.")
        #expect(anna.email == "anna.schmidt@mueller-gmbh.de")
        #expect(anna.phone == "+49 89 1234-56" && anna.mobile == "+49 171 2345678")
        #expect(anna.street == "Hauptstraße 5" && anna.city == "München" && anna.postalCode == "80331")
        #expect(anna.country == "DE")
        #expect(anna.birthday == CalendarDate(year: 1975, month: 5, day: 17))
        #expect(anna.interests == ["Maschinenbau", "Messe 2026"])
        #expect(anna.notes == "Prefers calls before 10:00, never on Fridays.\nMet at Hannover Messe.")
        let jonas = try #require(try database.all(Contact.self, where: "lastName", equals: "Weber").first)
        #expect(jonas.notes?.contains("seventy-five octets") == true)
        // "Mueller GmbH" is how Müller is spelled without umlauts: the same account.
        #expect(jonas.account == mueller.id)
    }

    @Test func createAccountsMakesOneAccountPerOrganisationWithAnIDEveryDeviceDerivesAlike() throws {
        let first = try replica()
        let second = try replica()
        let text = try Self.fixture("apple-contacts-3.0.vcf")
        let options = ContactCardImportOptions(createAccounts: true)
        let one = try first.importContactCards(text, options: options)
        let two = try second.importContactCards(text, options: options)
        #expect(one.failed == 0 && one.created == 3)
        #expect(one.createdAccounts.count == 2)  // Müller GmbH (spelled two ways) and Unknown Trading Ltd
        #expect(Set(one.createdAccounts) == Set(two.createdAccounts))
        #expect(Set(try first.all(Contact.self).map(\.id)) == Set(try second.all(Contact.self).map(\.id)))
        #expect(try first.all(Account.self).allSatisfy { $0.roles == [.prospect] })
    }

    @Test func aCardMatchingAnExistingEmailUpdatesThatContactInsteadOfDuplicatingIt() throws {
        let database = try replica()
        let account = try database.save(Account(name: "Müller GmbH"))
        var petra = Contact(account: account.id, lastName: "Kraemer", firstName: "Petra")
        petra.email = "P.Kraemer@mueller-gmbh.de"
        petra = try database.save(petra)
        let report = try database.importContactCards(try Self.fixture("outlook-2.1.vcf"))
        #expect(report.entries.map(\.outcome) == [.updated(contact: petra.id)])
        let updated = try #require(try database.record(Contact.self, id: petra.id))
        #expect(updated.lastName == "Krämer")
        #expect(updated.phone == "089 998877" && updated.mobile == "0172 1111111")
        #expect(try database.all(Contact.self).count == 1)
    }

    @Test func aDryRunReportsWithoutWritingAndAnExplicitAccountMustExist() throws {
        let database = try replica()
        let account = try database.save(Account(name: "Somewhere"))
        let report = try database.importContactCards(
            try Self.fixture("apple-contacts-3.0.vcf"), options: .init(account: account.id, dryRun: true)
        )
        #expect(report.created == 3 && report.dryRun)
        #expect(try database.all(Contact.self).isEmpty)
        #expect(throws: ClientError.self) {
            try database.importContactCards("", options: .init(account: "missing"))
        }
    }

    @Test func aCardTheSchemaRefusesIsReportedAndTheOthersAreImported() throws {
        let database = try replica()
        let account = try database.save(Account(name: "X"))
        let long = String(repeating: "x", count: 150)
        let text = "BEGIN:VCARD\r\nVERSION:4.0\r\nN:\(long);A;;;\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:4.0\r\nN:Ok;B;;;\r\nEND:VCARD\r\n"
            + "BEGIN:VCARD\r\nVERSION:4.0\r\nEMAIL:nobody@example.com\r\nEND:VCARD\r\n"
        let report = try database.importContactCards(text, options: .init(account: account.id))
        #expect(report.created == 1)
        guard case .failed(.invalid(let messages)) = report.entries[0].outcome else {
            Issue.record("expected a validation failure, got \(report.entries[0].outcome)")
            return
        }
        #expect(!messages.isEmpty)
        #expect(report.entries[2].outcome == .failed(.noName))
    }
}
