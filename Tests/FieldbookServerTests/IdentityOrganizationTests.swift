import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookServerStoreSQLite
import FieldbookSync
import Testing

@testable import FieldbookServer

@Suite("IdentityService: user, team and territory records")
struct IdentityOrganizationTests {
    @Test func usersTeamsAndTerritoriesAreRecordsInTheSyncStore() async throws {
        let fixture = try IdentityFixture()
        defer { fixture.tearDown() }
        let territory = try await fixture.identity.addTerritory(name: "North", code: "N")
        let boss = try await fixture.addUser("eva", role: "manager")
        let team = try await fixture.identity.addTeam(name: "Sales North", manager: "eva")
        let anna = try await fixture.addUser("anna", team: "Sales North", territories: ["N"])

        let user = try #require(try await fixture.record(anna))
        #expect(user.entity == "user")
        #expect(user.value("login") == .text("anna") && user.value("displayName") == .text("Person anna"))
        #expect(user.value("role") == .text("rep") && user.value("active") == .bool(true))
        #expect(user.value("team") == .text(team) && user.elements(of: "territories") == [territory])
        let teamRecord = try #require(try await fixture.record(team))
        #expect(teamRecord.value("name") == .text("Sales North") && teamRecord.value("manager") == .text(boss))
        #expect(teamRecord.elements(of: "members") == [anna])
        let territoryRecord = try #require(try await fixture.record(territory))
        #expect(territoryRecord.value("name") == .text("North") && territoryRecord.value("code") == .text("N"))
        // Server-authored changes: logged under the server's replica for every client to pull.
        let log = try await fixture.store.readLog(after: 0, limit: 100, excludingAuthor: nil)
        #expect(log.entries.allSatisfy { $0.change.dot.replica == fixture.sync.configuration.serverReplica })
        #expect(Set(log.entries.map(\.change.record)).isSuperset(of: [anna, team, territory, boss]))

        let listed = try await fixture.identity.listUsers()
        #expect(listed.map(\.login) == ["anna", "eva"])
        #expect(listed[0].team == team && listed[0].territories == [territory] && listed[0].displayName == "Person anna")
    }

    @Test func aRoleChangeReachesTokensAndTheRecordTogether() async throws {
        let fixture = try IdentityFixture()
        defer { fixture.tearDown() }
        let anna = try await fixture.addUser("anna")
        let session = try await fixture.identity.login(
            LoginRequest(login: "anna", password: "secret-password", deviceName: "L", replica: replica("r1"))
        )
        try await fixture.identity.setRole(of: "anna", to: "manager")
        #expect(try await fixture.identity.authenticate(token: session.token)?.role == .manager)
        #expect(try await fixture.record(anna)?.value("role") == .text("manager"))
        await #expect(throws: IdentityError(.invalid, "unknown role 'system'; use rep, manager, office or admin")) {
            try await fixture.identity.setRole(of: "anna", to: "system")
        }
    }

    @Test func badUsersAreRefusedBeforeAnythingIsWritten() async throws {
        let fixture = try IdentityFixture()
        defer { fixture.tearDown() }
        try await fixture.addUser("anna")
        let cases: [(NewUser, IdentityError.Kind)] = [
            (NewUser(login: "anna", displayName: "A", role: "rep", password: "long-enough"), .conflict),
            (NewUser(login: "bad login", displayName: "A", role: "rep", password: "long-enough"), .invalid),
            (NewUser(login: "", displayName: "A", role: "rep", password: "long-enough"), .invalid),
            (NewUser(login: "ben", displayName: " ", role: "rep", password: "long-enough"), .invalid),
            (NewUser(login: "ben", displayName: "B", role: "system", password: "long-enough"), .invalid),
            (NewUser(login: "ben", displayName: "B", role: "rep", password: "short"), .invalid),
            (NewUser(login: "ben", displayName: "B", role: "rep", password: String(repeating: "x", count: 73)), .invalid),
            (NewUser(login: "ben", displayName: "B", role: "rep", team: "Nowhere", password: "long-enough"), .notFound),
            (NewUser(login: "ben", displayName: "B", role: "rep", territories: ["Nowhere"], password: "long-enough"), .notFound),
        ]
        for (user, kind) in cases {
            let error = await #expect(throws: IdentityError.self) { try await fixture.identity.addUser(user) }
            #expect(error?.kind == kind, "\(user.login) \(user.role)")
            #expect(error?.message.contains(user.password) == false)
        }
        #expect(try await fixture.identity.listUsers().map(\.login) == ["anna"])
        let log = try await fixture.store.readLog(after: 0, limit: 100, excludingAuthor: nil)
        #expect(log.entries.count == 1)
    }

    @Test func duplicateTeamAndTerritoryNamesAreConflicts() async throws {
        let fixture = try IdentityFixture()
        defer { fixture.tearDown() }
        try await fixture.identity.addTeam(name: "Alpha")
        try await fixture.identity.addTerritory(name: "North", code: "N")
        await #expect(throws: IdentityError(.conflict, "a team named 'Alpha' exists already")) {
            try await fixture.identity.addTeam(name: "Alpha")
        }
        await #expect(throws: IdentityError(.conflict, "a territory with code 'N' exists already")) {
            try await fixture.identity.addTerritory(name: "Nord", code: "N")
        }
        await #expect(throws: IdentityError(.notFound, "no user 'ghost'")) {
            try await fixture.identity.addTeam(name: "Beta", manager: "ghost")
        }
        #expect(try await fixture.identity.listTeams().map(\.name) == ["Alpha"])
        #expect(try await fixture.identity.listTerritories().map(\.name) == ["North"])
    }

    @Test func territoryAssignmentAddsAndRemovesTheTerritoryOnTheUser() async throws {
        let fixture = try IdentityFixture()
        defer { fixture.tearDown() }
        let north = try await fixture.identity.addTerritory(name: "North")
        let south = try await fixture.identity.addTerritory(name: "South", code: "S")
        let anna = try await fixture.addUser("anna", territories: ["North"])
        try await fixture.identity.assignTerritory("S", user: "anna")
        #expect(try await fixture.record(anna)?.elements(of: "territories").sorted() == [north, south].sorted())
        try await fixture.identity.assignTerritory("North", user: "anna", remove: true)
        #expect(try await fixture.record(anna)?.elements(of: "territories") == [south])
        await #expect(throws: IdentityError(.notFound, "no territory 'West'")) {
            try await fixture.identity.assignTerritory("West", user: "anna")
        }
    }

    @Test func accountAssignmentIsAServerAuthoredChangeOfTheAccount() async throws {
        let fixture = try IdentityFixture()
        defer { fixture.tearDown() }
        let north = try await fixture.identity.addTerritory(name: "North")
        let ben = try await fixture.addUser("ben")
        let account = "0b5c0c1e-1111-4c4c-9c9c-000000000001"
        _ = try await fixture.sync.author("account", account) { $0.set("name", to: .text("Müller GmbH")) }
        try await fixture.identity.assignAccount(account, territory: "North", owner: "ben")
        let state = try #require(try await fixture.record(account))
        #expect(state.value("territory") == .text(north) && state.value("owner") == .text(ben))
        #expect(state.value("name") == .text("Müller GmbH"))
        await #expect(throws: IdentityError(.notFound, "no account 'missing'")) {
            try await fixture.identity.assignAccount("missing", territory: "North")
        }
        // A user record is not an account.
        await #expect(throws: IdentityError(.notFound, "no account '\(ben)'")) {
            try await fixture.identity.assignAccount(ben, territory: "North")
        }
    }
}
