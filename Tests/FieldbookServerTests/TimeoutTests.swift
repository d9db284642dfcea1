import FieldbookServer
import Foundation
import Testing

/// Slow and idle clients cannot hold the server's connections forever.
@Suite struct TimeoutTests {
    @Test(.timeLimit(.minutes(1)))
    func aBodyThatNeverArrivesGets408() async throws {
        let server = try await TestServer.start { $0.bodyReadTimeout = .milliseconds(500) }
        let connection = try RawConnection(port: server.port)
        try connection.write(
            "POST /v1/sync/push HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(StubAuthenticator.annaToken)\r\n"
                + "Content-Type: application/json\r\nContent-Length: 1000\r\nX-Request-ID: req-slow\r\n\r\n{\"replica\":"
        )
        let answer = await connection.readUntilClosed()
        #expect(answer.hasPrefix("HTTP/1.1 408"), "\(answer.prefix(200))")
        #expect(answer.contains(#""error":"request_timeout""#))
        #expect(answer.contains(#""requestID":"req-slow""#))
        #expect(try await server.send("GET", "/healthz", token: nil).status == 200)
        await server.stop()
    }

    @Test(.timeLimit(.minutes(1)))
    func idleConnectionsAreClosed() async throws {
        let server = try await TestServer.start { $0.idleTimeout = .seconds(1) }
        let connection = try RawConnection(port: server.port)
        let started = ContinuousClock.now
        try connection.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        let answer = await connection.readUntilClosed()
        #expect(answer.hasPrefix("HTTP/1.1 200"))
        #expect(started.duration(to: .now) < .seconds(15))
        await server.stop()
    }
}
