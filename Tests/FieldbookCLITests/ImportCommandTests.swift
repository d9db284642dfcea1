import FieldbookModel
import Foundation
import Testing

/// The files under Fixtures/interchange.
enum InterchangeFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/interchange")

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// An exported CSV read back: one dictionary per row, by column.
    static func rows(_ csv: String) throws -> [[String: String]] {
        let table = try CSVTable(parsing: csv)
        return table.rows.map { row in
            Dictionary(uniqueKeysWithValues: zip(table.header, row.fields + Array(repeating: "", count: max(0, table.header.count - row.fields.count))))
        }
    }
}

@Suite("fieldbook import / export")
struct ImportCommandTests {
    func report(_ result: CLIRunner.Result) throws -> [String: Any] {
        try #require(try result.json() as? [String: Any], "stdout: \(result.stdout) stderr: \(result.stderr)")
    }

    func importAccounts(_ cli: CLIRunner, dryRun: Bool = false) throws -> CLIRunner.Result {
        var arguments = ["import", "account", InterchangeFixtures.path("accounts-de.csv"), "--mapping", InterchangeFixtures.path("accounts-de.mapping.json"), "--json"]
        if dryRun { arguments.append("--dry-run") }
        return try cli.run(arguments)
    }

    @Test func dryRunWritesNothingRealRunImportsAndReimportIsIdempotent() throws {
        let cli = try CLIRunner()
        // accounts-de.csv: BOM, `;`, CRLF, 4 accounts, one empty row, one duplicate spelled "k-10001 ".
        let dry = try importAccounts(cli, dryRun: true)
        #expect(dry.exitCode == 0)
        let dryReport = try report(dry)
        #expect(dryReport["dryRun"] as? Bool == true)
        #expect(dryReport["created"] as? Int == 4)
        #expect(dryReport["skipped"] as? Int == 2)
        #expect(dryReport["failed"] as? Int == 0)
        #expect(try InterchangeFixtures.rows(cli.run("export", "account").stdout).isEmpty)

        let real = try report(try importAccounts(cli))
        #expect(real["created"] as? Int == 4)
        let messages = try #require(real["messages"] as? [[String: Any]])
        // The typo "prospekt" (line 5) is read as prospect with a warning; line 7 duplicates line 2.
        #expect(messages.contains { $0["line"] as? Int == 5 && $0["severity"] as? String == "warning" })
        #expect(messages.contains { $0["line"] as? Int == 7 && ($0["message"] as? String)?.contains("line 2") == true })
        // "Ort" is ignored on purpose (null in the mapping): no warning about it.
        #expect(!messages.contains { $0["column"] as? String == "Ort" })
        let accounts = try InterchangeFixtures.rows(cli.run("export", "account").stdout)
        #expect(accounts.count == 4)
        let schmidt = try #require(accounts.first { $0["number"] == "K-10002" })
        #expect(schmidt["name"] == "Schmidt; Söhne KG")
        #expect(schmidt["roles"] == "customer|partner")
        #expect(schmidt["notes"] == "Zweizeilig:\nRechnung per Post")
        #expect(accounts.first { $0["number"] == "K-10003" }?["roles"] == "prospect")
        #expect(accounts.first { $0["number"] == "K-10004" }?["roles"] == "customer")

        let again = try report(try importAccounts(cli))
        #expect(again["created"] as? Int == 0)
        #expect(again["updated"] as? Int == 0)
        #expect(again["skipped"] as? Int == 6)
        #expect(try InterchangeFixtures.rows(cli.run("export", "account").stdout).count == 4)
    }

    @Test func closedHistoryImportsWithPerRowErrorsByLine() throws {
        let cli = try CLIRunner()
        _ = try importAccounts(cli)
        let arguments = [
            "import", "opportunity", InterchangeFixtures.path("opportunities-history.csv"),
            "--mapping", InterchangeFixtures.path("opportunities-history.mapping.json"), "--json",
        ]
        let result = try cli.run(arguments)
        #expect(result.exitCode == 4)
        let outcome = try report(result)
        #expect(outcome["created"] as? Int == 4)
        #expect(outcome["failed"] as? Int == 2)
        let errors = try #require(outcome["messages"] as? [[String: Any]]).filter { $0["severity"] as? String == "error" }
        // Line 5 names a customer that does not exist, line 6 an amount that is no number.
        #expect(errors.compactMap { $0["line"] as? Int }.sorted() == [5, 6])
        #expect(errors.first { $0["line"] as? Int == 5 }?["column"] as? String == "Customer")
        #expect(errors.first { $0["line"] as? Int == 6 }?["column"] as? String == "Amount")

        let accounts = try InterchangeFixtures.rows(cli.run("export", "account").stdout)
        let accountID = { (number: String) in accounts.first { $0["number"] == number }?["id"] }
        let opportunities = try InterchangeFixtures.rows(cli.run("export", "opportunity").stdout)
        let byNumber = Dictionary(uniqueKeysWithValues: opportunities.map { ($0["number"] ?? "", $0) })
        #expect(byNumber.count == 4)
        #expect(byNumber["OP-1"]?["status"] == "won")
        #expect(byNumber["OP-1"]?["amount"] == "12500.00")
        #expect(byNumber["OP-1"]?["closeDate"] == "2026-11-23")
        #expect(byNumber["OP-1"]?["phase"] == "proposal")
        #expect(byNumber["OP-1"]?["account"] == accountID("K-10001"))
        #expect(byNumber["OP-2"]?["account"] == accountID("K-10001"))  // "mueller bau gmbh"
        #expect(byNumber["OP-2"]?["status"] == "lost")
        #expect(byNumber["OP-2"]?["closeReason"] == "Wettbewerber \"Meier\" billiger")
        #expect(byNumber["OP-3"]?["status"] == "won")  // "wno"
        #expect(byNumber["OP-3"]?["amount"] == "980.00")
        #expect(byNumber["OP-6"]?["account"] == accountID("K-10004"))  // synonym
        #expect(byNumber["OP-6"]?["amount"] == "7000.50")
        #expect(byNumber["OP-6"]?["phase"] == "qualification")
        #expect(byNumber["OP-6"]?["owner"] == "user-anna")

        let again = try report(try cli.run(arguments))
        #expect(again["created"] as? Int == 0)
        #expect(again["skipped"] as? Int == 4)
        #expect(again["failed"] as? Int == 2)
        // The writes went through the outbox, ready to sync.
        let status = try #require(try cli.json("status") as? [String: Any])
        let pending = try #require(status["pendingByEntity"] as? [String: Any])
        #expect(pending["account"] as? Int == 4)
        #expect(pending["opportunity"] as? Int == 4)
    }

    @Test func exportImportsAgainIntoAnEmptyReplicaUnchanged() throws {
        let source = try CLIRunner()
        _ = try importAccounts(source)
        _ = try source.run(
            "import", "opportunity", InterchangeFixtures.path("opportunities-history.csv"),
            "--mapping", InterchangeFixtures.path("opportunities-history.mapping.json")
        )
        let accountsFile = source.home + "/accounts.csv", opportunitiesFile = source.home + "/opportunities.csv"
        #expect(try source.run("export", "account", "--output", accountsFile).exitCode == 0)
        #expect(try source.run("export", "opportunity", "--output", opportunitiesFile).exitCode == 0)

        let target = try CLIRunner()
        let accounts = try report(try target.run("import", "account", accountsFile, "--json"))
        #expect(accounts["created"] as? Int == 4)
        let opportunities = try report(try target.run("import", "opportunity", opportunitiesFile, "--json"))
        #expect(opportunities["created"] as? Int == 4)
        #expect(opportunities["failed"] as? Int == 0)
        #expect(try target.run("export", "account").stdout == String(contentsOfFile: accountsFile, encoding: .utf8))
        #expect(try target.run("export", "opportunity").stdout == String(contentsOfFile: opportunitiesFile, encoding: .utf8))
    }

    @Test func badInputGivesClearErrors() throws {
        let cli = try CLIRunner()
        let missing = try cli.run("import", "account", cli.home + "/nope.csv")
        #expect(missing.exitCode == 2)
        let wrongEntity = try cli.run("import", "opportunity", InterchangeFixtures.path("accounts-de.csv"), "--mapping", InterchangeFixtures.path("accounts-de.mapping.json"))
        #expect(wrongEntity.exitCode == 2)
        #expect(wrongEntity.stderr.contains("maps account"))
        let file = cli.home + "/broken.csv"
        try "name,number\n\"open,1\n".write(toFile: file, atomically: true, encoding: .utf8)
        let broken = try cli.run("import", "account", file)
        #expect(broken.exitCode == 4)
        #expect(broken.stderr.contains("line 2"))
        // Products are reference data: a rep's device refuses every row.
        let products = cli.home + "/products.csv"
        try "number,name\nP-1,Drill\n".write(toFile: products, atomically: true, encoding: .utf8)
        let refused = try cli.run("import", "product", products)
        #expect(refused.exitCode == 4)
        #expect(refused.stdout.contains("1 failed"))
        #expect(try cli.run("export", "nothing").exitCode == 2)
        #expect(try cli.run("import", "nothing", products).exitCode == 2)
    }

    @Test func officeUsersImportTheCatalogueOnTheirDevice() throws {
        let cli = try CLIRunner()
        // Signed in as office staff (the credentials `fieldbook login` writes).
        let credentials = #"{"server": "http://127.0.0.1:9", "token": "fbk_test", "login": "olga", "user": "user-olga", "role": "office"}"#
        try credentials.write(toFile: cli.home + "/credentials.json", atomically: true, encoding: .utf8)
        let products = cli.home + "/products.csv"
        let csv = "\u{FEFF}Artikelnr;Bezeichnung;Preis;Aktiv\r\nP-100;\"Bohrer; 10 mm\";\"1.234,50\";ja\r\nP-200;Hydrauliköl;12,9;nein\r\n"
        try csv.write(toFile: products, atomically: true, encoding: .utf8)
        let mapping = cli.home + "/products.json"
        try #"{"entity": "product", "key": "Artikelnr", "numbers": "de", "columns": {"Artikelnr": "number", "Bezeichnung": "name", "Preis": "listPrice", "Aktiv": "active"}}"#
            .write(toFile: mapping, atomically: true, encoding: .utf8)
        let result = try cli.run("import", "product", products, "--mapping", mapping, "--json")
        #expect(result.exitCode == 0, "\(result.stdout) \(result.stderr)")
        #expect(try report(result)["created"] as? Int == 2)
        let rows = try InterchangeFixtures.rows(cli.run("export", "product").stdout)
        #expect(Set(rows.map { $0["listPrice"] ?? "" }) == ["1234.50", "12.90"])
        #expect(rows.first { $0["number"] == "P-200" }?["active"] == "false")
        #expect(rows.allSatisfy { $0["id"] == ImportPlanner.derivedID(entity: "product", key: $0["number"] ?? "") })
    }

    @Test func rowsMatchRecordsEnteredByHandInsteadOfDuplicatingThem() throws {
        let cli = try CLIRunner()
        // Entered on the device before the ERP import, with its own random ID.
        let existing = try #require(try cli.json("account", "add", "--name", "Müller Bau GmbH", "--number", "k-10001") as? [String: Any])
        let id = try #require(existing["id"] as? String)
        let outcome = try report(try importAccounts(cli))
        #expect(outcome["created"] as? Int == 3)
        #expect(outcome["updated"] as? Int == 1)
        let accounts = try InterchangeFixtures.rows(cli.run("export", "account").stdout)
        #expect(accounts.count == 4)
        let matched = try #require(accounts.first { $0["id"] == id })
        #expect(matched["industry"] == "Bau")
        #expect(matched["number"] == "K-10001")
    }
}
