import FieldbookClient
import FieldbookModel
import FieldbookSync
import Foundation
import Testing

@Suite("E-mail filing")
struct MailFilingTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/mail")

    static func message(_ name: String) throws -> MailMessage {
        try MailMessage(parsing: Data(contentsOf: fixtures.appendingPathComponent(name)))
    }

    @Test func aMultipartMessageIsReadLikeAMailProgramShowsIt() throws {
        let message = try Self.message("inbound-multipart.eml")
        #expect(message.subject == "Anfrage Pumpen für das Werk Nord")
        #expect(message.from == [MailAddress(name: "Schmidt, Anna", address: "Anna.Schmidt@Mueller-GmbH.de")])
        #expect(message.to.map(\.address) == ["thomas.berger@fieldbook.example"])
        #expect(message.cc == [
            MailAddress(name: "Jürgen Müller", address: "j.mueller@mueller-gmbh.de"),
            MailAddress(address: "einkauf@mueller-gmbh.de"),
        ])
        #expect(message.messageID == "20261117091500.4711@mueller-gmbh.de")
        // 09:15 at +0100 is 08:15 UTC.
        #expect(message.date == UTCDateTime(parsing: "2026-11-17T08:15:00Z"))
        // The plain-text alternative, quoted-printable decoded (soft break joined), not the HTML or the PDF.
        #expect(message.text.contains("anbei unsere Anfrage für 12 Pumpen. Bitte schicken Sie uns ein Angebot bis Ende November."))
        #expect(message.text.contains("Mit freundlichen Grüßen"))
        #expect(!message.text.contains("<p>") && !message.text.contains("PDF"))
    }

    @Test func anHTMLOnlyLatin1MessageBecomesText() throws {
        let message = try Self.message("outbound-html-latin1.eml")
        #expect(message.subject == "Termin am Donnerstag – Bestätigung")
        #expect(message.to == [
            MailAddress(name: "Krämer, Petra", address: "p.kraemer@mueller-gmbh.de"),
            MailAddress(name: "Lars Hansen", address: "ops@hansen-logistik.example"),
        ])
        #expect(message.text.contains("Guten Tag Frau Krämer,"))
        #expect(message.text.contains("vielen Dank für das Gespräch."))
        #expect(!message.text.contains("color: red") && !message.text.contains("<"))
        #expect(message.date == UTCDateTime(parsing: "2026-11-19T16:40:00Z"))
    }

    @Test func textThatIsNoMessageIsRefused() {
        #expect(throws: MailParseError.noHeaders) { try MailMessage(parsing: Data("just some text\n".utf8)) }
    }

    /// Anna and Jürgen at Müller, Lars at Hansen; the rep is not a contact.
    func crm() throws -> (ClientDatabase, mueller: Account, hansen: Account, anna: Contact, juergen: Contact, lars: Contact) {
        let database = try ClientDatabase.inMemory(clock: ManualClock(millis: 1_763_800_000_000))
        let mueller = try database.save(Account(name: "Müller GmbH"))
        let hansen = try database.save(Account(name: "Hansen Logistik"))
        var anna = Contact(account: mueller.id, lastName: "Schmidt", firstName: "Anna")
        anna.email = "anna.schmidt@mueller-gmbh.de"
        var juergen = Contact(account: mueller.id, lastName: "Müller", firstName: "Jürgen")
        juergen.email = "J.Mueller@mueller-gmbh.de"
        var lars = Contact(account: hansen.id, lastName: "Hansen", firstName: "Lars")
        lars.email = "ops@hansen-logistik.example"
        return (database, mueller, hansen, try database.save(anna), try database.save(juergen), try database.save(lars))
    }

    @Test func anInboundMessageIsOneEmailActivityOnTheSendersContactAndAccount() throws {
        let (database, mueller, _, anna, juergen, _) = try crm()
        let message = try Self.message("inbound-multipart.eml")
        let filing = try database.fileMail(message)
        #expect(filing.direction == .inbound)
        #expect(filing.entries.count == 1)
        let entry = try #require(filing.entries.first)
        #expect(entry.account == mueller.id && entry.contact == anna.id && entry.contacts == [anna.id, juergen.id])
        #expect(Set(filing.unmatched.map(\.address)) == ["thomas.berger@fieldbook.example", "einkauf@mueller-gmbh.de"])
        let activity = try #require(try database.record(Activity.self, id: entry.activity))
        #expect(activity.kind == .email && activity.direction == .inbound)
        #expect(activity.subject == message.subject)
        #expect(activity.account == mueller.id && activity.contact == anna.id)
        #expect(activity.occurredAt == message.date)
        #expect(activity.description?.hasPrefix("From: Schmidt, Anna <Anna.Schmidt@Mueller-GmbH.de>\nTo: ") == true)
        #expect(activity.description?.contains("12 Pumpen") == true)
        // It is queued for sync like any edit.
        #expect(try database.syncStatus().pendingByEntity["activity"] == 1)

        // Filing it again (or on another device) finds the same activity.
        let again = try database.fileMail(message)
        #expect(again.entries.map(\.activity) == [entry.activity])
        #expect(again.entries.allSatisfy { !$0.created })
        #expect(try database.all(Activity.self).count == 1)
    }

    @Test func anOutboundMessageToTwoAccountsIsLoggedOnBoth() throws {
        let (database, mueller, hansen, _, _, lars) = try crm()
        var petra = Contact(account: mueller.id, lastName: "Krämer", firstName: "Petra")
        petra.email = "p.kraemer@mueller-gmbh.de"
        petra = try database.save(petra)
        let filing = try database.fileMail(try Self.message("outbound-html-latin1.eml"))
        #expect(filing.direction == .outbound)
        #expect(filing.entries.map(\.account) == [mueller.id, hansen.id])
        #expect(filing.entries.map(\.contact) == [petra.id, lars.id])
        #expect(Set(filing.entries.map(\.activity)).count == 2)
        for entry in filing.entries {
            let activity = try #require(try database.record(Activity.self, id: entry.activity))
            #expect(activity.direction == .outbound && activity.kind == .email)
        }
    }

    @Test func noMatchingAddressIsAnErrorUnlessAContactIsNamedAndADryRunWritesNothing() throws {
        let (database, mueller, _, anna, _, _) = try crm()
        let message = try Self.message("unknown-sender.eml")
        #expect(message.messageID == nil)
        #expect(throws: MailFilingError.noMatchingContact(addresses: ["someone@unknown.example", "thomas.berger@fieldbook.example"])) {
            try database.fileMail(message)
        }
        let preview = try database.fileMail(message, options: .init(contact: anna.id, dryRun: true))
        #expect(preview.entries.map(\.account) == [mueller.id] && preview.dryRun)
        #expect(try database.all(Activity.self).isEmpty)
        let filed = try database.fileMail(message, options: .init(contact: anna.id))
        #expect(filed.entries.map(\.activity) == preview.entries.map(\.activity))
        #expect(try database.all(Activity.self).count == 1)
        #expect(throws: ClientError.self) {
            try database.fileMail(message, options: .init(contact: "nobody"))
        }
    }
}
