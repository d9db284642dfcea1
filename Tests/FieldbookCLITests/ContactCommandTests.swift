import FieldbookClient
import FieldbookModel
import FieldbookSync
import Foundation
import Testing

/// Helpers shared by the record noun tests.
extension CLIRunner {
    /// Creates an account and returns its ID.
    func account(_ name: String) throws -> String {
        let created = try #require(try json("account", "add", "--name", name) as? [String: Any])
        return try #require(created["id"] as? String)
    }

    /// Runs `fieldbook <arguments> --json` and returns the record object.
    @discardableResult
    func record(_ arguments: String...) throws -> [String: Any] {
        let result = try run(arguments + ["--json"])
        guard result.exitCode == 0 else {
            throw CLIRunnerError.failed(arguments: arguments, exitCode: result.exitCode, stderr: result.stderr)
        }
        return try #require(try result.json() as? [String: Any])
    }

    /// Runs `fieldbook <arguments> --json` and returns the IDs of the records listed.
    func ids(_ arguments: String...) throws -> [String] {
        let result = try run(arguments + ["--json"])
        guard result.exitCode == 0 else {
            throw CLIRunnerError.failed(arguments: arguments, exitCode: result.exitCode, stderr: result.stderr)
        }
        let records = try #require(try result.json() as? [[String: Any]])
        return records.compactMap { $0["id"] as? String }
    }

    /// The record `id` as stored in this runner's replica.
    func stored(_ id: String) throws -> RecordState? {
        try withDatabase { database, _ in try database.record(id) }
    }

    /// The instant FIELDBOOK_NOW names, in milliseconds.
    var nowMillis: UInt64 {
        let instant = environment["FIELDBOOK_NOW"].flatMap(UTCDateTime.init(parsing:))
        return UInt64(instant?.secondsSinceEpoch ?? 0) * 1000
    }

    /// Opens this runner's replica in-process (as the sync or the office
    /// would write it), runs `body`, and closes it again.
    func withDatabase<T>(_ body: (ClientDatabase, ManualClock) throws -> T) throws -> T {
        let clock = ManualClock(millis: nowMillis)
        let database = try ClientDatabase.open(at: home + "/replica.sqlite", clock: clock)
        return try body(database, clock)
    }
}

/// Checks that a record's JSON has exactly the schema's field names plus the bookkeeping keys.
func expectRecordShape(_ record: [String: Any], of schema: EntitySchema, sourceLocation: SourceLocation = #_sourceLocation) {
    // Fields added by later migrations are part of the record too.
    let fields = SchemaRegistry.standard.entity(schema.name)?.fields ?? schema.fields
    let expected = Set(fields.map(\.name)).union(["id", "entity", "deleted", "conflicts"])
    #expect(Set(record.keys) == expected, sourceLocation: sourceLocation)
    #expect(record["entity"] as? String == schema.name, sourceLocation: sourceLocation)
}

@Suite("fieldbook contact")
struct ContactCommandTests {
    @Test func addListSearchFilterShowEditDelete() throws {
        let cli = try CLIRunner()
        let mueller = try cli.account("Müller GmbH")
        let bauer = try cli.account("Bauer AG")
        let eva = try cli.record(
            "contact", "add", "--account", mueller, "--first-name", "Eva", "--last-name", "Schmidt",
            "--buying-role", "decision", "--no-mail", "yes", "--interest", "hydraulics", "--birthday", "17.05.1970"
        )
        expectRecordShape(eva, of: .contact)
        let id = try #require(eva["id"] as? String)
        #expect(eva["buyingRole"] as? String == "decision_maker", "enum values may be abbreviated")
        #expect(eva["noMail"] as? Bool == true)
        #expect(eva["interests"] as? [String] == ["hydraulics"])
        #expect(eva["birthday"] as? String == "1970-05-17")
        let jan = try #require(try cli.record("contact", "add", "--account", bauer, "--last-name", "Özdemir")["id"] as? String)

        #expect(try cli.ids("contact", "list") == [jan, id], "sorted by last name, Ö with O")
        #expect(try cli.ids("contact", "list", "--account", bauer) == [jan])
        #expect(try cli.ids("contact", "list", "--search", "ozdem") == [jan])
        #expect(try cli.ids("contact", "list", "--buying-role", "decision_maker") == [id])

        let table = try cli.run("contact", "list", "--account", mueller)
        #expect(table.exitCode == 0)
        #expect(table.stdout.contains("Müller GmbH"), "the account column shows the account's name")
        #expect(table.stdout.hasPrefix("ID"))

        let edited = try cli.record("contact", "edit", id, "--email", "eva@mueller.example", "--remove-interest", "hydraulics")
        #expect(edited["email"] as? String == "eva@mueller.example")
        #expect(edited["interests"] as? [String] == [])
        #expect(edited["lastName"] as? String == "Schmidt")
        #expect(try cli.record("contact", "show", id)["email"] as? String == "eva@mueller.example")

        #expect(try cli.run("contact", "delete", id).exitCode == 0)
        #expect(try cli.ids("contact", "list") == [jan])
        #expect(try cli.run("contact", "show", id).exitCode == 3)
    }

    @Test func missingRecordsAndRuleBreakingInputHaveDistinctExitCodes() throws {
        let cli = try CLIRunner()
        let noAccount = try cli.run("contact", "add", "--last-name", "Schmidt")
        #expect(noAccount.exitCode == 4)
        #expect(noAccount.stderr.contains("account"))
        let mueller = try cli.account("Müller GmbH")
        let badEmail = try cli.run("contact", "add", "--account", mueller, "--last-name", "S", "--email", "nope")
        #expect(badEmail.exitCode == 4)
        #expect(!badEmail.stderr.contains("nope"), "no customer data in errors")
        #expect(try cli.run("contact", "edit", "missing-id", "--city", "Ulm").exitCode == 3)
        #expect(try cli.run("contact", "delete", "missing-id").exitCode == 3)
        #expect(try cli.run("contact", "show", mueller).exitCode == 3, "an account is not a contact")
        #expect(try cli.run("contact", "add", "--account", mueller, "--last-name", "S", "--no-mail", "perhaps").exitCode == 2)
        #expect(try cli.run("contact", "add", "--account", mueller, "--last-name", "S", "--set", "shoeSize=44").exitCode == 2)
        #expect(try cli.ids("contact", "list").isEmpty)
    }
}
