import Foundation
import Testing

@Suite("fieldbook contact export/import (vCard)")
struct ContactCardCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/contacts")

    /// Two contacts with awkward values at one account; returns the account ID.
    func seed(_ cli: CLIRunner) throws -> String {
        let account = try cli.account("Müller GmbH; Werk Nord")
        try cli.record(
            "contact", "add", "--account", account, "--title", "Dr.", "--first-name", "Anna", "--last-name", "Schmidt",
            "--function", "Leiterin Einkauf, Technik", "--email", "anna.schmidt@mueller-gmbh.de", "--phone", "+49 89 1234-56",
            "--mobile", "+49 171 2345678", "--street", "Hauptstraße 5", "--postal-code", "80331", "--city", "München",
            "--country", "DE", "--birthday", "1975-05-17", "--interest", "Pumpen",
            "--notes", String(repeating: "Notiz mit Umlauten äöü; und Kommas, ", count: 5) + "\nzweite Zeile"
        )
        try cli.record("contact", "add", "--account", account, "--first-name", "Jonas", "--last-name", "Weber")
        return account
    }

    @Test(.enabled(if: ThirdPartyParser.isAvailable("vobject") || ThirdPartyParser.isCI, "python3 vobject not installed"))
    func exportedCardsParseInPythonVobject() throws {
        let cli = try CLIRunner()
        _ = try seed(cli)
        let file = cli.home + "/contacts.vcf"
        let written = try cli.record("contact", "export", "--vcf", "--output", file)
        #expect(written["contacts"] as? Int == 2)
        let script = """
            import sys, json, vobject
            cards = list(vobject.readComponents(open(sys.argv[1], encoding="utf-8").read()))
            out = []
            for c in cards:
                out.append({"fn": c.fn.value, "family": c.n.value.family, "given": c.n.value.given,
                            "org": c.org.value if hasattr(c, "org") else None,
                            "email": c.email.value if hasattr(c, "email") else None,
                            "tel": sorted(t.value for t in c.contents.get("tel", [])),
                            "note": c.note.value if hasattr(c, "note") else None,
                            "uid": c.uid.value})
            print(json.dumps(out))
            """
        let (status, output) = try ThirdPartyParser.python(script, arguments: [file])
        #expect(status == 0, "vobject failed: \(output)")
        guard status == 0 else { return }
        let cards = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]])
        #expect(cards.count == 2)
        let anna = try #require(cards.first { $0["family"] as? String == "Schmidt" })
        #expect(anna["fn"] as? String == "Dr. Anna Schmidt")
        #expect(anna["given"] as? String == "Anna")
        #expect(anna["org"] as? [String] == ["Müller GmbH; Werk Nord"])
        #expect(anna["email"] as? String == "anna.schmidt@mueller-gmbh.de")
        #expect(anna["tel"] as? [String] == ["+49 171 2345678", "+49 89 1234-56"])
        #expect((anna["note"] as? String)?.hasSuffix("\nzweite Zeile") == true)
        #expect((anna["uid"] as? String)?.hasPrefix("urn:uuid:") == true)
    }

    @Test func importReportsPerCardAndIsIdempotent() throws {
        let cli = try CLIRunner()
        let mueller = try cli.account("Müller GmbH")
        let fixture = Self.fixtures.appendingPathComponent("apple-contacts-3.0.vcf").path

        let dry = try cli.run("contact", "import", fixture, "--dry-run", "--json")
        #expect(dry.exitCode == 4, "one card has an unknown organisation")
        let preview = try #require(try dry.json() as? [String: Any])
        #expect(preview["created"] as? Int == 2 && preview["failed"] as? Int == 1 && preview["dryRun"] as? Bool == true)
        #expect(try cli.ids("contact", "list").isEmpty)

        let human = try cli.run("contact", "import", fixture)
        #expect(human.exitCode == 4)
        #expect(human.stdout.contains("Imported: 2 created, 0 updated, 0 unchanged, 1 failed"))
        #expect(human.stdout.contains("Unknown Trading Ltd"))
        let listed = try #require(try cli.run("contact", "list", "--account", mueller, "--json").json() as? [[String: Any]])
        #expect(Set(listed.compactMap { $0["lastName"] as? String }) == ["Schmidt", "Weber"])

        let again = try cli.run("contact", "import", fixture, "--create-accounts", "--json")
        #expect(again.exitCode == 0)
        let report = try #require(try again.json() as? [String: Any])
        #expect(report["created"] as? Int == 1 && report["unchanged"] as? Int == 2 && report["updated"] as? Int == 0)
        #expect((report["createdAccounts"] as? [String])?.count == 1)
        #expect(try cli.ids("contact", "list").count == 3)
    }

    @Test func exportThenImportIntoAnotherNotebookAndBadInput() throws {
        let source = try CLIRunner()
        _ = try seed(source)
        let exported = try source.run("contact", "export", "--vcf")
        #expect(exported.exitCode == 0)
        #expect(exported.stdout.hasPrefix("BEGIN:VCARD\r\nVERSION:4.0\r\n"))
        let file = source.home + "/out.vcf"
        try exported.stdout.write(toFile: file, atomically: true, encoding: .utf8)

        let target = try CLIRunner()
        let account = try target.account("Elsewhere")
        let imported = try target.run("contact", "import", file, "--account", account, "--json")
        #expect(imported.exitCode == 0)
        #expect((try imported.json() as? [String: Any])?["created"] as? Int == 2)
        let anna = try #require(
            (try target.run("contact", "list", "--search", "Schmidt", "--json").json() as? [[String: Any]])?.first
        )
        #expect(anna["city"] as? String == "München" && anna["birthday"] as? String == "1975-05-17")
        #expect(anna["function"] as? String == "Leiterin Einkauf, Technik")

        let garbage = source.home + "/garbage.vcf"
        try "BEGIN:VCARD\r\nFN:Half a card\r\n".write(toFile: garbage, atomically: true, encoding: .utf8)
        let refused = try target.run("contact", "import", garbage)
        #expect(refused.exitCode == 4)
        #expect(refused.stderr.contains("has no END:VCARD"))
        #expect(try target.run("contact", "import", source.home + "/missing.vcf").exitCode == 1)
        #expect(try target.run("contact", "export", "--account", "nope").exitCode == 3)
    }
}
