import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookServerCoreTesting
import FieldbookServerStoreSQLite
import FieldbookSync
import Foundation
import HTTPTypes
import Hummingbird
import Logging

@testable import FieldbookServer

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
import Testing

/// `GET /v1/reports/{report}` through a real server on 127.0.0.1 over a
/// scoped SQLite store: company, team and rep scopes, and the refusals.
@Suite("Reports API")
struct ReportAPITests {
    struct Opportunity {
        var id: String, account: String, owner: String, phase: String, status: String, cents: Int
    }

    /// Territory and owner of each account: north (Anna), south (Ben) — team
    /// tm-1 managed by Mia —, west (Carl, team tm-2).
    static let accounts = ["acc-n": ("t-north", "u-anna"), "acc-s": ("t-south", "u-ben"), "acc-w": ("t-west", "u-carl")]
    static let users: [(id: String, role: String, team: String, territory: String?)] = [
        ("u-anna", "rep", "tm-1", "t-north"), ("u-ben", "rep", "tm-1", "t-south"), ("u-carl", "rep", "tm-2", "t-west"),
        ("u-mia", "manager", "tm-1", nil),
    ]
    static let probability = ["qualification": 10, "proposal": 50, "negotiation": 75]
    static let opportunities: [Opportunity] = [
        .init(id: "o-1", account: "acc-n", owner: "u-anna", phase: "proposal", status: "open", cents: 1_000_000),
        .init(id: "o-2", account: "acc-n", owner: "u-anna", phase: "negotiation", status: "open", cents: 200_002),
        .init(id: "o-3", account: "acc-s", owner: "u-ben", phase: "proposal", status: "open", cents: 300_000),
        .init(id: "o-4", account: "acc-w", owner: "u-carl", phase: "qualification", status: "open", cents: 900_000),
        // Anna's opportunity on Carl's account: outside Anna's (and Mia's) read scope.
        .init(id: "o-5", account: "acc-w", owner: "u-anna", phase: "proposal", status: "open", cents: 777_700),
        .init(id: "o-6", account: "acc-s", owner: "u-anna", phase: "proposal", status: "open", cents: 55_500),
    ]

    /// The funnel's expected (count, weighted cents) over `members`.
    static func funnel(_ members: [Opportunity]) -> (count: Int, weighted: Int) {
        (members.count, members.reduce(0) { $0 + (2 * $1.cents * probability[$1.phase]! + 100) / 200 })
    }

    static func money(_ cents: Int) -> String { "\(cents / 100)." + (cents % 100 < 10 ? "0" : "") + "\(cents % 100)" }

    /// Whether `user` may read records of `account` (own territory or own account; managers their team's).
    static func readable(_ account: String, by user: String) -> Bool {
        let (territory, owner) = accounts[account]!
        let me = users.first { $0.id == user }!
        let people = me.role == "manager" ? users.filter { $0.team == me.team } : [me]
        return people.contains { $0.id == owner || $0.territory == territory }
    }

    @Test func companyTeamAndRepScopesCountOnlyWhatTheCallerMayRead() async throws {
        try await ReportTestServer.with { server in
            try await server.seed()
            let company = try await server.get("/v1/reports/funnel", user: "u-office", role: "office")
            #expect(company.status == 200)
            #expect(company.json?["scope"]?["kind"] == .string("company"))
            let all = Self.funnel(Self.opportunities)
            #expect(company.json?["summary"]?["count"] == .integer(Int64(all.count)))
            #expect(company.json?["summary"]?["weighted"] == .string(Self.money(all.weighted)))

            let team = try await server.get("/v1/reports/funnel", user: "u-mia", role: "manager")
            #expect(team.status == 200 && team.json?["scope"]?["kind"] == .string("team"))
            let teamMembers = Set(Self.users.filter { $0.team == "tm-1" }.map(\.id))
            let mine = Self.funnel(Self.opportunities.filter { teamMembers.contains($0.owner) && Self.readable($0.account, by: "u-mia") })
            #expect(team.json?["summary"]?["count"] == .integer(Int64(mine.count)), "o-5 is out of the team's read scope")
            #expect(team.json?["summary"]?["weighted"] == .string(Self.money(mine.weighted)))

            let anna = try await server.get("/v1/reports/funnel", user: "u-anna", role: "rep")
            #expect(anna.status == 200 && anna.json?["scope"]?["kind"] == .string("rep"))
            let hers = Self.funnel(Self.opportunities.filter { $0.owner == "u-anna" && Self.readable($0.account, by: "u-anna") })
            #expect(anna.json?["summary"]?["count"] == .integer(Int64(hers.count)))
            #expect(anna.json?["summary"]?["weighted"] == .string(Self.money(hers.weighted)))

            let carlByOffice = try await server.get("/v1/reports/funnel?scope=team&team=tm-2", user: "u-office", role: "office")
            let carls = Self.funnel(Self.opportunities.filter { $0.owner == "u-carl" })
            #expect(carlByOffice.json?["summary"]?["weighted"] == .string(Self.money(carls.weighted)))
            let benByManager = try await server.get("/v1/reports/funnel?scope=rep&rep=u-ben", user: "u-mia", role: "manager")
            #expect(benByManager.status == 200)
            let bens = Self.funnel(Self.opportunities.filter { $0.owner == "u-ben" })
            #expect(benByManager.json?["summary"]?["weighted"] == .string(Self.money(bens.weighted)))

            let north = try await server.get("/v1/reports/funnel?territory=t-north&phase=proposal", user: "u-office", role: "office")
            let northProposals = Self.funnel(Self.opportunities.filter { Self.accounts[$0.account]!.0 == "t-north" && $0.phase == "proposal" })
            #expect(north.json?["summary"]?["weighted"] == .string(Self.money(northProposals.weighted)))
            #expect(north.json?["filter"]?["territory"] == .string("t-north"))

            for report in ReportKind.allCases {
                let reply = try await server.get("/v1/reports/\(report.rawValue)", user: "u-anna", role: "rep")
                #expect(reply.status == 200 && reply.json?["report"] == .string(report.rawValue), "\(report)")
            }
            let revenue = try await server.get("/v1/reports/revenue?by=region&from=2026-01-01&to=2026-12-31", user: "u-office", role: "office")
            #expect(revenue.status == 200 && revenue.json?["summary"]?["by"] == .string("region"))
        }
    }

    @Test func repsAndManagersAreRefusedFiguresBeyondTheirScope() async throws {
        try await ReportTestServer.with { server in
            try await server.seed()
            let refusals: [(path: String, user: String, role: String)] = [
                ("/v1/reports/funnel?scope=company", "u-anna", "rep"),
                ("/v1/reports/funnel?scope=team", "u-anna", "rep"),
                ("/v1/reports/win-rate?rep=u-ben", "u-anna", "rep"),
                ("/v1/reports/funnel?scope=rep&rep=u-ben", "u-anna", "rep"),
                ("/v1/reports/funnel?scope=company", "u-mia", "manager"),
                ("/v1/reports/funnel?rep=u-carl", "u-mia", "manager"),
                ("/v1/reports/funnel?scope=team&team=tm-2", "u-mia", "manager"),
                ("/v1/reports/revenue?scope=rep&rep=u-carl", "u-mia", "manager"),
            ]
            for refusal in refusals {
                let reply = try await server.get(refusal.path, user: refusal.user, role: refusal.role)
                #expect(reply.status == 403, "\(refusal)")
                #expect(reply.json?["error"] == .string("forbidden"))
            }
            #expect(try await server.get("/v1/reports/funnel", user: nil, role: nil).status == 401)
            #expect(try await server.get("/v1/reports/nonsense", user: "u-office", role: "office").status == 404)
            #expect(try await server.get("/v1/reports/funnel?from=yesterday", user: "u-office", role: "office").status == 400)
            #expect(try await server.get("/v1/reports/revenue?by=week", user: "u-office", role: "office").status == 400)
            #expect(try await server.get("/v1/reports/funnel?scope=galaxy", user: "u-office", role: "office").status == 400)
            #expect(try await server.get("/v1/reports/funnel?scope=team", user: "u-office", role: "office").status == 400)
        }
    }

    @Test(.enabled(if: RecordSchemaPython.isAvailable || ProcessInfo.processInfo.environment["CI"] != nil))
    func everyReportMatchesTheSchema() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("report-schemas-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var arguments = ["-c", RecordSchemaTests.script, RecordSchemaTests.schemas.path]
        try await ReportTestServer.with { server in
            try await server.seed()
            for report in ReportKind.allCases {
                for (user, role) in [("u-office", "office"), ("u-mia", "manager"), ("u-anna", "rep")] {
                    let reply = try await server.get("/v1/reports/\(report.rawValue)?from=2026-01-01", user: user, role: role)
                    let file = directory.appendingPathComponent("\(report.rawValue)-\(role).json")
                    try JSONEncoder().encode(reply.json).write(to: file)
                    arguments.append("report:valid:\(file.path)")
                }
            }
        }
        let broken = directory.appendingPathComponent("broken.json")
        try Data(#"{"report": "funnel", "filter": {}, "summary": {"amount": 1.5}}"#.utf8).write(to: broken)
        arguments.append("report:invalid:\(broken.path)")
        let result = try RecordSchemaPython.run(arguments)
        #expect(result.status == 0, "\(result.output)")
    }
}

/// A real server on 127.0.0.1 serving the reports (and records) routes over a
/// scoped SQLite store; `X-Test-User` and `X-Test-Role` stand in for bearer tokens.
struct ReportTestServer {
    let harness: Harness
    let port: Int

    static func with(_ body: (ReportTestServer) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteServerStore(path: directory.appendingPathComponent("server.sqlite").path)
        let harness = Harness(store: store, configuration: .init())
        let router = Router(context: FieldbookRequestContext.self)
        router.add(middleware: TestUserMiddleware())
        ReportRoutes.register(on: router, sync: harness.service, logger: Logger(label: "reports-test"))
        var appLogger = Logger(label: "reports-test-app")
        appLogger.logLevel = .critical
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            },
            logger: appLogger
        )
        let running = Task { try await app.run() }
        defer { running.cancel() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else { throw RecordRecordTestServerError.didNotStart }
        try await body(ReportTestServer(harness: harness, port: port))
        running.cancel()
        _ = await running.result
        try store.close()
    }

    /// The organisation and opportunities of ``ReportAPITests``, authored by the system.
    func seed() async throws {
        func author(_ entity: String, _ id: String, _ fields: [String: Value]) async throws {
            let authored = try await harness.service.author(entity, id, caller: .system) { builder in
                for (field, value) in fields.sorted(by: { $0.key < $1.key }) { builder.set(field, to: value) }
            }
            guard authored?.result.status != .rejected else {
                throw RecordRecordTestServerError.unexpected(422, authored?.result.code?.rawValue, authored?.result.reason ?? "")
            }
        }
        for territory in ["t-north", "t-south", "t-west"] { try await author("territory", territory, ["name": .text(territory)]) }
        for team in ["tm-1", "tm-2"] { try await author("team", team, ["name": .text(team)]) }
        try await author("user", "u-office", ["login": "office", "displayName": "Office", "role": "office"])
        for user in ReportAPITests.users {
            try await author("user", user.id, ["login": .text(user.id), "displayName": .text(user.id), "role": .text(user.role), "team": .text(user.team)])
            if let territory = user.territory {
                _ = try await harness.service.author("user", user.id, caller: .system) { $0.add(territory, to: "territories") }
            }
        }
        for (account, (territory, owner)) in ReportAPITests.accounts {
            try await author("account", account, ["name": .text(account), "territory": .text(territory), "owner": .text(owner)])
        }
        for opportunity in ReportAPITests.opportunities {
            try await author(
                "opportunity", opportunity.id,
                ["account": .text(opportunity.account), "name": .text(opportunity.id), "owner": .text(opportunity.owner),
                 "phase": .text(opportunity.phase), "status": .text(opportunity.status),
                 "amount": .text(ReportAPITests.money(opportunity.cents))]
            )
        }
    }

    func get(_ path: String, user: String?, role: String?) async throws -> RecordTestServer.Reply {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        if let user { request.setValue(user, forHTTPHeaderField: TestUserMiddleware.userHeader) }
        if let role { request.setValue(role, forHTTPHeaderField: TestUserMiddleware.roleHeader) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        let json = data.isEmpty ? nil : try JSONDecoder().decode(RecordJSONValue.self, from: data)
        return RecordTestServer.Reply(status: http.statusCode, headers: [:], json: json)
    }
}

/// Sets the identity from `X-Test-User` and `X-Test-Role`.
struct TestUserMiddleware: RouterMiddleware {
    typealias Context = FieldbookRequestContext
    static let userHeader = "X-Test-User"
    static let roleHeader = "X-Test-Role"

    func handle(
        _ request: Request, context: FieldbookRequestContext,
        next: (Request, FieldbookRequestContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        context.requestID = "req-test"
        if let user = request.headers[HTTPField.Name(Self.userHeader)!], let role = request.headers[HTTPField.Name(Self.roleHeader)!] {
            context.identity = AuthenticatedDevice(
                user: user, login: user, role: Role(rawValue: role), device: "device-\(user)", replica: ReplicaID(unchecked: "\(user)-pc")
            )
        }
        return try await next(request, context)
    }
}
