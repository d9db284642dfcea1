import FieldbookClient
import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookServerCoreTesting
import FieldbookSync
import Foundation
import Testing
import FieldbookTestSupport

/// `URLSessionSyncTransport` against a real HTTP server on 127.0.0.1 whose
/// sync endpoints call an in-process `SyncService`.
@Suite("URLSessionSyncTransport over loopback HTTP")
struct SyncHTTPTransportTests {
    static let token = "device-token-1"
    /// Generous: a loaded CI machine may keep the loopback handler waiting for a thread.
    static let patience: TimeInterval = 300

    /// An HTTP front for `service`: bearer check, WireCodec bodies, error bodies as SYNC.md §13.
    static func server(for service: SyncService) throws -> SyncLoopbackServer {
        try SyncLoopbackServer { request in
            let codec = WireCodec()
            func error(_ code: WireErrorCode, _ message: String) -> SyncLoopbackServer.Response {
                let body = (try? codec.encode(ErrorResponse(error: code, message: message, requestID: request.headers["x-request-id"]))) ?? Data()
                return .init(status: code.httpStatus ?? 500, body: body)
            }
            switch request.path {
            case AuthEndpoint.login.path:
                guard let login = try? codec.decode(LoginRequest.self, from: request.body) else {
                    return error(.invalidRequest, "not a login request")
                }
                guard login.password == "correct horse" else { return error(.unauthenticated, "wrong user name or password") }
                let response = LoginResponse(
                    token: token, device: "dev-1", replica: login.replica, user: "user-\(login.login)", login: login.login,
                    role: "rep"
                )
                return .init(status: 200, body: (try? codec.encode(response)) ?? Data())
            case AuthEndpoint.logout.path:
                return request.headers["authorization"] == "Bearer \(token)" ? .init(status: 204) : error(.unauthenticated, "no token")
            default:
                break
            }
            guard request.headers["authorization"] == "Bearer \(token)" else { return error(.unauthenticated, "no valid token") }
            let caller = SyncCaller(user: "user-anna", role: nil)
            do {
                switch request.path {
                case SyncEndpoint.push.path:
                    let push = try codec.decode(PushRequest.self, from: request.body)
                    return .init(status: 200, body: try codec.encode(try await service.push(push, caller: caller)))
                case SyncEndpoint.pull.path:
                    let pull = try codec.decode(PullRequest.self, from: request.body)
                    return .init(status: 200, body: try codec.encode(try await service.pull(pull, caller: caller)))
                default:
                    return error(.notFound, "no such endpoint")
                }
            } catch let failure as SyncServiceError {
                return error(failure.code, failure.message)
            } catch {
                return .init(status: 500, json: "{\"error\":\"internal_error\",\"message\":\"failed\"}")
            }
        }
    }

    func replica(_ name: String, in world: SyncWorld) throws -> ClientDatabase {
        try ClientDatabase.open(at: "\(world.directory)/\(name).sqlite", clock: ManualClock(millis: Fixtures.now))
    }

    @Test func twoReplicasConvergeOverHTTPWithTheProtocolHeaders() async throws {
        let world = try SyncWorld()
        let server = try Self.server(for: world.service)
        defer { server.stop() }
        let anna = try replica("anna", in: world)
        let ben = try replica("ben", in: world)
        try anna.edit("account", "acc-1") { $0.set("name", to: "Müller GmbH") }
        try ben.edit("account", "acc-2") { $0.set("name", to: "Bauer KG") }
        let transport = URLSessionSyncTransport(baseURL: server.baseURL, token: Self.token, timeout: Self.patience)
        for database in [anna, ben, anna] {
            try await SyncEngine(database: database, transport: transport).sync()
        }
        #expect(try anna.record("acc-2")?.value("name") == "Bauer KG")
        #expect(try ben.record("acc-1")?.value("name") == "Müller GmbH")

        let requests = server.requests
        #expect(requests.map(\.path) == [
            "/v1/sync/push", "/v1/sync/pull", "/v1/sync/push", "/v1/sync/pull", "/v1/sync/pull",
        ], "a session without pending changes does not push")
        #expect(requests.allSatisfy { $0.method == "POST" && $0.headers["authorization"] == "Bearer \(Self.token)" })
        #expect(requests.allSatisfy { $0.headers["accept-encoding"] == "gzip, deflate" })
        #expect(requests.allSatisfy { $0.headers["content-type"] == "application/json" })
        let ids = requests.compactMap { $0.headers["x-request-id"] }
        #expect(ids.count == requests.count && Set(ids).count == ids.count, "a fresh X-Request-ID per request")
    }

    @Test func aRefusedTokenIsATypedErrorAndLeavesEverythingIntact() async throws {
        let world = try SyncWorld()
        let server = try Self.server(for: world.service)
        defer { server.stop() }
        let anna = try replica("anna", in: world)
        try anna.edit("account", "acc-1") { $0.set("name", to: "Müller GmbH") }
        let engine = SyncEngine(database: anna, transport: URLSessionSyncTransport(baseURL: server.baseURL, token: "stale", timeout: Self.patience))
        do {
            try await engine.sync()
            Issue.record("sync succeeded with a refused token")
        } catch let error as SyncTransportError {
            #expect(error.status == 401 && error.errorResponse?.error == .unauthenticated)
            #expect(error.errorResponse?.requestID == server.requests.last?.headers["x-request-id"])
            #expect(error.isUnauthenticated && !error.isOffline)
        }
        let status = try anna.syncStatus()
        #expect(status.pendingCount == 1)
        #expect(status.lastSyncError?.contains("unauthenticated") == true)
    }

    @Test func anAnswerWithoutAnErrorBodyStillCarriesACode() async throws {
        let server = try SyncLoopbackServer { _ in .init(status: 502, body: Data("<html>bad gateway</html>".utf8)) }
        defer { server.stop() }
        let transport = URLSessionSyncTransport(baseURL: server.baseURL, token: Self.token, timeout: Self.patience)
        let request = PullRequest(schemaVersion: 1, replica: ReplicaID(unchecked: "c-1"))
        await #expect(throws: SyncTransportError.server(
            status: 502, response: ErrorResponse(error: .internalError, message: "HTTP 502 without an error body")
        )) {
            try await transport.send(.pull(request))
        }
    }

    @Test func gzipCompressedAnswersAreDecoded() async throws {
        let page = PullResponse(
            cursor: PullCursor("c-1")!, hasMore: false, stable: VersionVector(), serverTime: HybridTimestamp(millis: Fixtures.now)
        )
        let compressed = try Self.gzip(try WireCodec().encode(page))
        let server = try SyncLoopbackServer(blocking: { _ in
            .init(status: 200, body: compressed, headers: ["Content-Encoding": "gzip"])
        })
        defer { server.stop() }
        let transport = URLSessionSyncTransport(baseURL: server.baseURL, token: Self.token, timeout: Self.patience)
        let answer = try await transport.send(.pull(PullRequest(schemaVersion: 1, replica: ReplicaID(unchecked: "c-1"))))
        #expect(answer == .pull(page))
    }

    /// `data` compressed by the system's gzip tool.
    static func gzip(_ data: Data) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "gzip -c"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(data)
        try input.fileHandleForWriting.close()
        let compressed = output.fileHandleForReading.readToEndRetryingInterrupts()
        process.waitUntilExit()
        return compressed
    }

    @Test func aServerThatIsDownIsReportedAsUnreachable() async throws {
        let server = try SyncLoopbackServer { _ in .init(status: 204) }
        let url = server.baseURL
        server.stop()
        let transport = URLSessionSyncTransport(baseURL: url, token: Self.token, timeout: 5)
        do {
            _ = try await transport.send(.pull(PullRequest(schemaVersion: 1, replica: ReplicaID(unchecked: "c-1"))))
            Issue.record("a stopped server answered")
        } catch let error as SyncTransportError {
            guard case .unreachable = error else {
                Issue.record("expected unreachable, got \(error)")
                return
            }
            #expect(error.isOffline)
        }
    }

    @Test func loginAndLogoutUseTheAuthEndpoints() async throws {
        let world = try SyncWorld()
        let server = try Self.server(for: world.service)
        defer { server.stop() }
        let anna = try replica("anna", in: world)
        let request = LoginRequest(login: "anna", password: "correct horse", deviceName: "notebook", replica: anna.replicaID)
        let response = try await URLSessionSyncTransport.login(server: server.baseURL, request: request)
        #expect(response.token == Self.token && response.replica == anna.replicaID && response.role == "rep")
        #expect(server.requests.last?.headers["authorization"] == nil, "login sends no token")

        var wrong = request
        wrong.password = "wrong"
        await #expect(throws: SyncTransportError.self) { try await URLSessionSyncTransport.login(server: server.baseURL, request: wrong) }
        try await URLSessionSyncTransport.logout(server: server.baseURL, token: response.token)
        #expect(server.requests.last?.path == "/v1/auth/logout")
    }
}
