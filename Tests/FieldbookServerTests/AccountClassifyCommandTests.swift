import FieldbookServerCore
import FieldbookSync
import Foundation
import Testing

@testable import FieldbookServer

/// `fieldbook-server account classify` run as a process on a data directory
/// an in-process service holds open.
@Suite("account classify admin command")
struct AccountClassifyCommandTests {
    @Test func aDryRunReportsAndTheRealRunWritesClassesAndCareIntervals() async throws {
        let fixture = try IdentityFixture()
        defer { fixture.tearDown() }
        func run(_ arguments: String...) throws -> IdentityCommandTests.Result {
            try IdentityCommandTests.run(arguments, data: fixture.directory)
        }
        // Revenue 900 and 100: the first is A (0 % before it), the second B (90 % before it).
        for (account, net) in [("acc-big", "900.00"), ("acc-small", "100.00")] {
            _ = try await fixture.sync.author("account", account) { $0.set("name", to: .text(account)) }
            _ = try await fixture.sync.author("invoice", "inv-\(account)") { builder in
                for (field, value): (String, Value) in [
                    ("number", .text("R-\(account)")), ("account", .text(account)), ("invoiceDate", "2025-05-01"),
                    ("netTotal", .text(net)),
                ] { builder.set(field, to: value) }
            }
        }
        let dry = try run("account", "classify", "--dry-run")
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("dry run: 2 account(s) would change"))
        #expect(try await fixture.record("acc-big")?.value("abcClass") == nil)

        let real = try run("account", "classify", "--care-a", "21")
        #expect(real.status == 0, "\(real.stderr)")
        #expect(try await fixture.record("acc-big")?.value("abcClass") == "A")
        #expect(try await fixture.record("acc-big")?.value("careIntervalDays") == .int(21))
        #expect(try await fixture.record("acc-small")?.value("abcClass") == "B")
        #expect(try await fixture.record("acc-small")?.value("careIntervalDays") == .int(60))
        #expect(try run("account", "classify", "--care-a", "21").stdout.contains("0 account(s) changed"))
        #expect(try run("account", "classify", "--a-share", "99", "--b-share", "50").status != 0, "a > b is refused")
    }
}
