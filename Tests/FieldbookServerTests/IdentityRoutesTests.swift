import FieldbookProtocol
import FieldbookServerCore
import FieldbookSync
import Foundation
import Hummingbird
import Logging
import NIOCore
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@testable import FieldbookServer

/// The `/v1/auth` routes on a real Hummingbird server on 127.0.0.1.
@Suite("Identity routes over HTTP")
struct IdentityRoutesTests {
    /// Runs the auth routes on an ephemeral port for the duration of `body`.
    func withServer(_ body: @Sendable (IdentityFixture, URL) async throws -> Void) async throws {
        let fixture = try IdentityFixture()
        defer { fixture.tearDown() }
        let router = Router(context: FieldbookRequestContext.self)
        IdentityRoutes.register(
            on: router, services: ServerServices(sync: fixture.sync, identity: fixture.identity, logger: Logger(label: "test"))
        )
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "test.http")
        logger.logLevel = .warning
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) }, logger: logger
        )
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService(gracefulShutdownSignals: []) }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())
            try await body(fixture, URL(string: "http://127.0.0.1:\(port)")!)
            group.cancelAll()
        }
    }

    static func post(_ url: URL, _ path: String, body: Data? = nil, token: String? = nil) async throws -> (Int, Data) {
        var request = URLRequest(url: url.appendingPathComponent(path))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        request.httpBody = body
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }

    @Test func loginAndLogoutOverHTTP() async throws {
        try await withServer { fixture, url in
            try await fixture.addUser("anna")
            let login = LoginRequest(login: "anna", password: "secret-password", deviceName: "Laptop", replica: replica("r-http"))
            let (status, data) = try await Self.post(url, "/v1/auth/login", body: try WireCodec().encode(login))
            #expect(status == 200)
            let response = try WireCodec().decode(LoginResponse.self, from: data)
            #expect(response.login == "anna" && response.role == "rep" && response.replica == replica("r-http"))
            #expect(try await fixture.identity.authenticate(token: response.token)?.device == response.device)

            let (logoutStatus, logoutBody) = try await Self.post(url, "/v1/auth/logout", token: response.token)
            #expect(logoutStatus == 204 && logoutBody.isEmpty)
            #expect(try await fixture.identity.authenticate(token: response.token) == nil)
            let (again, againBody) = try await Self.post(url, "/v1/auth/logout", token: response.token)
            #expect(again == 401)
            #expect(try WireCodec().decode(ErrorResponse.self, from: againBody).error == .unauthenticated)
        }
    }

    @Test func failuresAreErrorResponsesWithTheirStatus() async throws {
        try await withServer { fixture, url in
            try await fixture.addUser("anna")
            try await fixture.addUser("ben")
            _ = try await fixture.identity.login(
                LoginRequest(login: "ben", password: "secret-password", deviceName: "B", replica: replica("bens"))
            )
            let cases: [(String, Data, Int, WireErrorCode)] = [
                ("wrong password", Data(#"{"login":"anna","password":"nope-nope","deviceName":"d","replica":"r1"}"#.utf8), 401, .unauthenticated),
                ("unknown login", Data(#"{"login":"zed","password":"secret-password","deviceName":"d","replica":"r1"}"#.utf8), 401, .unauthenticated),
                ("foreign replica", Data(#"{"login":"anna","password":"secret-password","deviceName":"d","replica":"bens"}"#.utf8), 403, .forbidden),
                ("bad replica", Data(#"{"login":"anna","password":"secret-password","deviceName":"d","replica":"a:b"}"#.utf8), 400, .invalidRequest),
                ("missing field", Data(#"{"login":"anna","password":"secret-password"}"#.utf8), 400, .invalidRequest),
                ("not JSON", Data("login=anna".utf8), 400, .malformedJSON),
                ("empty device name", Data(#"{"login":"anna","password":"secret-password","deviceName":" ","replica":"r1"}"#.utf8), 400, .invalidRequest),
                ("too large", Data(repeating: 0x20, count: 20_000), 413, .bodyTooLarge),
            ]
            for (label, body, expectedStatus, code) in cases {
                let (status, data) = try await Self.post(url, "/v1/auth/login", body: body)
                #expect(status == expectedStatus, "\(label)")
                let error = try WireCodec().decode(ErrorResponse.self, from: data)
                #expect(error.error == code, "\(label)")
                #expect(!error.message.contains("secret-password") && !error.message.contains("nope-nope"), "\(label)")
            }
            let (status, _) = try await Self.post(url, "/v1/auth/logout")
            #expect(status == 401)
            let (garbage, _) = try await Self.post(url, "/v1/auth/logout", token: "fbk_garbage")
            #expect(garbage == 401)
        }
    }
}
