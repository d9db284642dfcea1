import FieldbookProtocol
import FieldbookServer
import FieldbookServerCoreTesting
import Foundation
import Testing

/// Stopping the server (as SIGTERM does) lets requests in flight finish and refuses new connections.
@Suite struct GracefulShutdownTests {
    @Test(.timeLimit(.minutes(1)))
    func aRequestInFlightFinishesDuringShutdown() async throws {
        let server = try await TestServer.start()
        let body = Array(try WireCodec().encode(
            PushRequest(schemaVersion: 1, replica: Fixtures.anna, changes: [Fixtures.account(counter: 1)])
        ))
        let connection = try RawConnection(port: server.port)
        try connection.write(
            "POST /v1/sync/push HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(StubAuthenticator.annaToken)\r\n"
                + "Content-Type: application/json\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        )
        try connection.write(bytes: body[..<10])
        try await Task.sleep(for: .milliseconds(300))
        let stopping = Task { await server.server.stop() }
        var refused = false
        for _ in 0..<100 where !refused {
            try await Task.sleep(for: .milliseconds(50))
            refused = (try? RawConnection(port: server.port)) == nil
        }
        #expect(refused, "new connections are still accepted while shutting down")
        try connection.write(bytes: body[10...])
        let answer = await connection.readUntilClosed()
        #expect(answer.hasPrefix("HTTP/1.1 200"), "\(answer.prefix(200))")
        #expect(answer.contains(#""status":"accepted""#))
        let error = await stopping.value
        #expect(error == nil, "stopped with \(String(describing: error))")
        await server.stop()
    }
}
