import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookServerStoreSQLite
import FieldbookSync
import Foundation
import GRDB
import Testing

@testable import FieldbookServer

@Suite("IdentityService: login, tokens, devices")
struct IdentityServiceTests {
    @Test func loginIssuesATokenThatAuthenticatesTheDevice() async throws {
        let fixture = try IdentityFixture()
        defer { fixture.tearDown() }
        let anna = try await fixture.addUser("anna", role: "manager")
        let session = try await fixture.identity.login(
            LoginRequest(login: "anna", password: "secret-password", deviceName: "Laptop", replica: replica("anna-laptop"))
        )
        #expect(session.user == anna && session.login == "anna" && session.role == "manager")
        #expect(session.token.hasPrefix("fbk_") && session.token.count == 4 + 43)
        let device = try #require(try await fixture.identity.authenticate(token: session.token))
        #expect(device == AuthenticatedDevice(user: anna, login: "anna", role: .manager, device: session.device, replica: replica("anna-laptop")))
        #expect(device.caller == SyncCaller(user: anna, role: .manager))
    }

    @Test func wrongPasswordUnknownLoginAndDisabledUserFailAlike() async throws {
        let fixture = try IdentityFixture()
        defer { fixture.tearDown() }
        try await fixture.addUser("anna")
        try await fixture.addUser("ben")
        try await fixture.identity.disableUser("ben")
        let attempts = [
            ("anna", "wrong-password"), ("nobody", "secret-password"), ("ben", "secret-password"), ("anna", ""),
            ("ANNA", "secret-password"),
        ]
        for (login, password) in attempts {
            let error = await #expect(throws: IdentityError.self) {
                try await fixture.identity.login(LoginRequest(login: login, password: password, deviceName: "d", replica: replica("r1")))
            }
            #expect(error == IdentityError.loginFailed, "\(login)")
            #expect(error?.httpStatus == 401 && error?.code == .unauthenticated)
        }
        #expect(try await fixture.identity.listDevices().isEmpty)
    }

    @Test func unknownLoginsCostBcryptTimeToo() async throws {
        let hasher = PasswordHasher(cost: 10)
        let hash = await hasher.hash("secret-password")
        let clock = ContinuousClock()
        var known: [Duration] = []
        var unknown: [Duration] = []
        for _ in 0..<5 {
            known.append(await clock.measure { _ = await hasher.verify("wrong-password", hash: hash) })
            unknown.append(await clock.measure { _ = await hasher.verify("wrong-password", hash: nil) })
        }
        // The same bcrypt work either way: the fastest runs lie within a factor of 3 (scheduling noise).
        let fastestKnown = known.min()!
        let fastestUnknown = unknown.min()!
        #expect(fastestUnknown > fastestKnown / 3 && fastestKnown > fastestUnknown / 3, "known \(known), unknown \(unknown)")
    }

    @Test func theInMemoryVariantSignsInAgainstAnInMemoryStore() async throws {
        var configuration = IdentityConfiguration()
        configuration.bcryptCost = 4
        let identity = try IdentityService.inMemory(
            sync: SyncService(store: InMemoryServerStore(), clock: WallClock()), configuration: configuration
        )
        let id = try await identity.addUser(NewUser(login: "eva", displayName: "Eva", role: "office", password: "secret-password"))
        let session = try await identity.login(
            LoginRequest(login: "eva", password: "secret-password", deviceName: "PC", replica: replica("office-pc"))
        )
        #expect(try await identity.authenticate(token: session.token)?.caller == SyncCaller(user: id, role: .office))
    }

    @Test func sameReplicaSignsInToTheSameDeviceAndTheOldTokenDies() async throws {
        let fixture = try IdentityFixture()
        defer { fixture.tearDown() }
        try await fixture.addUser("anna")
        let request = LoginRequest(login: "anna", password: "secret-password", deviceName: "Phone", replica: replica("anna-phone"))
        let first = try await fixture.identity.login(request)
        let second = try await fixture.identity.login(request)
        #expect(first.device == second.device && first.token != second.token)
        #expect(try await fixture.identity.authenticate(token: first.token) == nil)
        #expect(try await fixture.identity.authenticate(token: second.token)?.device == first.device)
        #expect(try await fixture.identity.listDevices(user: "anna").count == 1)
    }

    @Test func aReplicaBoundToAnotherUsersDeviceIsForbidden() async throws {
        let fixture = try IdentityFixture()
        defer { fixture.tearDown() }
        try await fixture.addUser("anna")
        try await fixture.addUser("ben")
        _ = try await fixture.identity.login(LoginRequest(login: "anna", password: "secret-password", deviceName: "A", replica: replica("shared")))
        let error = await #expect(throws: IdentityError.self) {
            try await fixture.identity.login(LoginRequest(login: "ben", password: "secret-password", deviceName: "B", replica: replica("shared")))
        }
        #expect(error?.kind == .forbidden && error?.httpStatus == 403)
        // The server's own replica cannot be claimed either.
        let server = fixture.sync.configuration.serverReplica
        await #expect(throws: IdentityError(.forbidden, "replica \(server) is the server's own")) {
            try await fixture.identity.login(LoginRequest(login: "ben", password: "secret-password", deviceName: "B", replica: server))
        }
    }

    @Test func logoutAndRevocationStopTheTokenAtOnce() async throws {
        let fixture = try IdentityFixture()
        defer { fixture.tearDown() }
        try await fixture.addUser("anna")
        let laptop = try await fixture.identity.login(LoginRequest(login: "anna", password: "secret-password", deviceName: "L", replica: replica("r-laptop")))
        let phone = try await fixture.identity.login(LoginRequest(login: "anna", password: "secret-password", deviceName: "P", replica: replica("r-phone")))
        #expect(try await fixture.identity.logout(token: laptop.token))
        #expect(try await fixture.identity.authenticate(token: laptop.token) == nil)
        #expect(try await fixture.identity.logout(token: laptop.token) == false)
        // Signed out, not revoked: the same replica signs in again.
        let again = try await fixture.identity.login(LoginRequest(login: "anna", password: "secret-password", deviceName: "L", replica: replica("r-laptop")))
        #expect(again.device == laptop.device)

        #expect(try await fixture.identity.revokeDevice(phone.device) == "r-phone")
        #expect(try await fixture.identity.authenticate(token: phone.token) == nil)
        #expect(try await fixture.identity.authenticate(token: again.token) != nil)
        let error = await #expect(throws: IdentityError.self) {
            try await fixture.identity.login(LoginRequest(login: "anna", password: "secret-password", deviceName: "P", replica: replica("r-phone")))
        }
        #expect(error?.kind == .forbidden)
        await #expect(throws: IdentityError(.notFound, "no device 'nope'")) { try await fixture.identity.revokeDevice("nope") }
    }

    @Test func revokingADeviceRetiresItsReplica() async throws {
        let fixture = try IdentityFixture()
        defer { fixture.tearDown() }
        try await fixture.addUser("anna")
        let session = try await fixture.identity.login(LoginRequest(login: "anna", password: "secret-password", deviceName: "L", replica: replica("r-laptop")))
        _ = try await fixture.store.acknowledge(Acknowledgement(replica: replica("r-laptop"), position: 0, vector: VersionVector()))
        #expect(try await fixture.store.frontierState().isActive(replica("r-laptop")))
        try await fixture.identity.revokeDevice(session.device)
        let frontier = try await fixture.store.frontierState()
        #expect(!frontier.isActive(replica("r-laptop")) && frontier.needsResync.contains(replica("r-laptop")))
        let listed = try #require(try await fixture.identity.listDevices().first)
        #expect(listed.revokedAt != nil && !listed.signedIn)
    }

    @Test func disablingAUserRevokesEveryDeviceAndDeactivatesTheRecord() async throws {
        let fixture = try IdentityFixture()
        defer { fixture.tearDown() }
        let anna = try await fixture.addUser("anna")
        let one = try await fixture.identity.login(LoginRequest(login: "anna", password: "secret-password", deviceName: "1", replica: replica("r1")))
        let two = try await fixture.identity.login(LoginRequest(login: "anna", password: "secret-password", deviceName: "2", replica: replica("r2")))
        try await fixture.identity.disableUser("anna")
        #expect(try await fixture.identity.authenticate(token: one.token) == nil)
        #expect(try await fixture.identity.authenticate(token: two.token) == nil)
        let frontier = try await fixture.store.frontierState()
        #expect(frontier.needsResync.isSuperset(of: [replica("r1"), replica("r2")]))
        #expect(try await fixture.record(anna)?.value("active") == .bool(false))
        let user = try #require(try await fixture.identity.listUsers().first)
        #expect(user.disabled && user.activeDevices == 0)
    }

    @Test func theDirectoryHoldsOnlyAHashOfTheToken() async throws {
        let fixture = try IdentityFixture()
        defer { fixture.tearDown() }
        try await fixture.addUser("anna")
        let session = try await fixture.identity.login(LoginRequest(login: "anna", password: "secret-password", deviceName: "L", replica: replica("r1")))
        let database = try fixture.openDirectoryFile()
        let (stored, passwordHash) = try await database.read { db in
            (
                try Data.fetchOne(db, sql: "SELECT token_hash FROM device"),
                try String.fetchOne(db, sql: "SELECT password_hash FROM credential") ?? ""
            )
        }
        #expect(stored.map(Array.init) == SHA256.hash(Array(session.token.utf8)))
        #expect(passwordHash.hasPrefix("$2") && !passwordHash.contains("secret-password"))
        let everything = try Data(contentsOf: fixture.directory.appendingPathComponent("directory.sqlite"))
            + ((try? Data(contentsOf: fixture.directory.appendingPathComponent("directory.sqlite-wal"))) ?? Data())
        #expect(everything.range(of: Data(session.token.utf8)) == nil)
        #expect(everything.range(of: Data("secret-password".utf8)) == nil)
    }

    @Test func lastSeenIsRecordedAtMostOncePerInterval() async throws {
        let fixture = try IdentityFixture(lastSeenInterval: 3600)
        defer { fixture.tearDown() }
        try await fixture.addUser("anna")
        let session = try await fixture.identity.login(LoginRequest(login: "anna", password: "secret-password", deviceName: "L", replica: replica("r1")))
        let database = try fixture.openDirectoryFile()
        try await database.write { db in try db.execute(sql: "UPDATE device SET last_seen_at = 1000") }
        _ = try await fixture.identity.authenticate(token: session.token)
        let afterFirst = try await database.read { db in try Int64.fetchOne(db, sql: "SELECT last_seen_at FROM device") }
        #expect(afterFirst.map { $0 > 1000 } == true)
        _ = try await fixture.identity.authenticate(token: session.token)
        let afterSecond = try await database.read { db in try Int64.fetchOne(db, sql: "SELECT last_seen_at FROM device") }
        #expect(afterSecond == afterFirst)
    }

    @Test func malformedTokensAreRejectedWithoutALookup() async throws {
        let fixture = try IdentityFixture()
        defer { fixture.tearDown() }
        for token in ["", "fbk_", "Bearer x", "fbk_" + String(repeating: "a", count: 42), "xyz_" + String(repeating: "a", count: 43)] {
            #expect(try await fixture.identity.authenticate(token: token) == nil)
        }
        #expect(DeviceToken.isWellFormed(DeviceToken.generate()))
        #expect(DeviceToken.generate() != DeviceToken.generate())
    }
}
