import Foundation
import Testing

/// The office moves an account to another territory while its old owner has
/// an unsynced edit: the edit reaches the server, the old owner's notebook
/// drops the account with its contacts, the new owner's brings them all.
@Suite("end to end: reassignment", .serialized)
struct ReassignmentTests {
    @Test func reassignmentMovesTheAccountWithItsDataAndKeepsThePendingEdit() async throws {
        let organization = try await SalesOrganization.start()
        defer { organization.server.killNow() }
        let north = try #require(organization.territories["North"])
        let anna = try await organization.client("anna")
        let carl = try await organization.client("carl")

        let account = try #require(
            try await anna.object("account", "add", "--name", "Bauer KG", "--territory", north)["id"] as? String
        )
        let contact = try #require(
            try await anna.object("contact", "add", "--last-name", "Weber", "--account", account)["id"] as? String
        )
        try await anna.sync()
        try await carl.sync()
        #expect(try await carl.run(["account", "show", account]).exitCode == 3, "carl must not see North's account yet")

        // Anna edits offline; meanwhile the office moves the account to South.
        _ = try await anna.object("account", "edit", account, "--phone", "+49 89 4711")
        try await organization.server.admin(["account", "assign", account, "--territory", "South"])

        // Anna's sync pushes her edit first, then evicts the account and its contact.
        let annaSync = try await anna.sync()
        #expect(annaSync["accepted"] as? Int == 1)
        #expect(annaSync["rejected"] as? Int == 0)
        #expect((annaSync["evictions"] as? Int ?? 0) >= 2)
        #expect(try await anna.run(["account", "show", account]).exitCode == 3)
        #expect(try await anna.run(["contact", "show", contact]).exitCode == 3)
        let status = try await anna.object("status")
        #expect(status["pending"] as? Int == 0)

        // Carl's next sync brings the account with Anna's edit and the contact.
        try await carl.sync()
        let moved = try await carl.account(account)
        #expect(moved["phone"] as? String == "+49 89 4711")
        #expect(moved["territory"] as? String == organization.territories["South"])
        #expect(try await carl.object("contact", "show", contact)["lastName"] as? String == "Weber")
    }
}
