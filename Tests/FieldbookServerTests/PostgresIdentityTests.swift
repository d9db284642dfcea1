import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookServerStorePostgres
import FieldbookServerStorePostgresTesting
import FieldbookSync
import Foundation
import Logging
import Testing

@testable import FieldbookServer

/// Two server instances' services on one PostgreSQL schema: the identity
/// directory and the server replica's counters are shared.
@Suite("Identity and server-authored changes on PostgreSQL, two instances", .enabled(if: PostgresTestDatabase.isEnabled, PostgresTestDatabase.skipNote))
struct PostgresIdentityTests {
    /// Opens the services of two instances on `schema`, with cheap bcrypt.
    static func instances(_ schema: PostgresTestDatabase) async throws -> (ServerServices, ServerServices) {
        var logger = Logger(label: "test.postgres.identity")
        logger.logLevel = .error
        setenv("FIELDBOOK_BCRYPT_COST", "4", 1)
        let first = try await ServerServices.open(postgres: schema.url, maximumConnections: 4, logger: logger)
        let second = try await ServerServices.open(postgres: schema.url, maximumConnections: 4, logger: logger)
        return (first, second)
    }

    @Test func usersDevicesAndTokensAreSharedByTheInstances() async throws {
        try await PostgresTestDatabase.withSchema(prefix: "id") { schema in
            let (first, second) = try await Self.instances(schema)
            defer { Task { try? await first.shutdown(); try? await second.shutdown() } }
            let north = try await first.identity.addTerritory(name: "North", code: "N")
            _ = try await second.identity.addTeam(name: "Süd")
            let anna = try await first.identity.addUser(
                NewUser(login: "anna", displayName: "Anna", role: "rep", territories: ["North"], password: "secret-password")
            )
            await #expect(throws: IdentityError.self) {
                try await second.identity.addUser(NewUser(login: "anna", displayName: "Other", role: "rep", password: "secret-password"))
            }
            await #expect(throws: IdentityError.self) { try await second.identity.addTerritory(name: "North") }
            #expect(try await second.identity.listTerritories().map(\.id) == [north])
            #expect(try await first.identity.listTeams().map(\.name) == ["Süd"])
            #expect(try await second.identity.listUsers().map(\.login) == ["anna"])

            // Signed in through the second instance, authenticated by the first.
            let session = try await second.identity.login(
                LoginRequest(login: "anna", password: "secret-password", deviceName: "Laptop", replica: ReplicaID(unchecked: "anna-laptop"))
            )
            let device = try #require(try await first.identity.authenticate(token: session.token))
            #expect(device.user == anna && device.replica == ReplicaID(unchecked: "anna-laptop"))
            #expect(try await first.identity.listDevices(user: "anna").map(\.id) == [session.device])
            #expect(try await first.identity.logout(token: session.token))
            #expect(try await second.identity.authenticate(token: session.token) == nil)

            let again = try await first.identity.login(
                LoginRequest(login: "anna", password: "secret-password", deviceName: "Laptop", replica: ReplicaID(unchecked: "anna-laptop"))
            )
            #expect(again.device == session.device, "the same replica signs in to the same device")
            _ = try await second.identity.revokeDevice(again.device)
            #expect(try await first.identity.authenticate(token: again.token) == nil)
            await #expect(throws: IdentityError.self) {
                try await second.identity.login(
                    LoginRequest(login: "anna", password: "secret-password", deviceName: "L", replica: ReplicaID(unchecked: "anna-laptop"))
                )
            }
            _ = try await second.identity.disableUser("anna")
            await #expect(throws: IdentityError.loginFailed) {
                try await first.identity.login(
                    LoginRequest(login: "anna", password: "secret-password", deviceName: "P", replica: ReplicaID(unchecked: "anna-phone"))
                )
            }
        }
    }

    /// Both instances author changes of the server replica at once: every
    /// counter is used exactly once, none is lost, and each instance's
    /// edits are all accepted.
    @Test func serverAuthoredCountersComeFromTheDatabase() async throws {
        try await PostgresTestDatabase.withSchema(prefix: "srv") { schema in
            let (first, second) = try await Self.instances(schema)
            defer { Task { try? await first.shutdown(); try? await second.shutdown() } }
            let perInstance = 12
            for index in 0..<3 {
                _ = try await first.sync.author("account", "acc-\(index)", caller: .system) { $0.set("name", to: .text("Account \(index)")) }
            }
            let authored = try await withThrowingTaskGroup(of: AuthoredChange?.self) { group in
                for index in 0..<(2 * perInstance) {
                    let sync = index % 2 == 0 ? first.sync : second.sync
                    group.addTask {
                        try await sync.author("account", "acc-\(index % 3)", caller: .system) { builder in
                            builder.set(index % 2 == 0 ? "website" : "industry", to: .text("v\(index)"))
                        }
                    }
                }
                var changes: [AuthoredChange] = []
                for try await change in group { if let change { changes.append(change) } }
                return changes
            }
            #expect(authored.count == 2 * perInstance)
            #expect(authored.allSatisfy { $0.result.status == .accepted }, "\(authored.map(\.result))")
            let server = first.sync.configuration.serverReplica
            let counters = authored.map(\.change.dot.counter).sorted()
            #expect(counters == Array(4...UInt64(3 + 2 * perInstance)), "dense, each used once")
            #expect(try await second.sync.store.decidedCounter(of: server) == UInt64(3 + 2 * perInstance))
            let log = try await first.sync.store.readLog(after: .start, limit: 100, excludingAuthor: nil).entries
            #expect(log.count == 3 + 2 * perInstance)
        }
    }
}
