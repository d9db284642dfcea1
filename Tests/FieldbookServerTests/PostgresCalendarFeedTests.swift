import FieldbookProtocol
import FieldbookServerCore
import FieldbookServerStorePostgresTesting
import FieldbookSync
import Foundation
import Testing

@testable import FieldbookServer

/// Calendar feed tokens in the PostgreSQL directory, shared by two instances.
@Suite("Calendar feed tokens on PostgreSQL", .enabled(if: PostgresTestDatabase.isEnabled, PostgresTestDatabase.skipNote))
struct PostgresCalendarFeedTests {
    @Test func feedTokensAreSharedRotatedAndRevoked() async throws {
        try await PostgresTestDatabase.withSchema(prefix: "feed") { schema in
            let (first, second) = try await PostgresIdentityTests.instances(schema)
            defer { Task { try? await first.shutdown(); try? await second.shutdown() } }
            let anna = try await first.identity.addUser(
                NewUser(login: "anna", displayName: "Anna", role: "rep", password: "secret-password")
            )
            let hash = DeviceToken.digest(of: "fbc_one"), rotated = DeviceToken.digest(of: "fbc_two")
            try await first.identity.directory.setFeedToken(user: anna, hash: hash, now: 1)
            let owner = try #require(try await second.identity.directory.feedOwner(ofHash: hash))
            #expect(owner.user == anna && owner.login == "anna" && owner.role == "rep")
            try await second.identity.directory.setFeedToken(user: anna, hash: rotated, now: 2)
            #expect(try await first.identity.directory.feedOwner(ofHash: hash) == nil)
            #expect(try await first.identity.directory.feedOwner(ofHash: rotated)?.user == anna)
            #expect(try await first.identity.directory.clearFeedToken(user: anna))
            #expect(try await second.identity.directory.feedOwner(ofHash: rotated) == nil)
            #expect(try await second.identity.directory.clearFeedToken(user: anna) == false)
        }
    }
}
