import FieldbookServer
import Foundation
import Testing

/// Load shedding on the sync endpoints (``FieldbookServerConfiguration/maxSyncRequests``).
@Suite struct SyncAdmissionTests {
    /// With room for one sync request, a second one while the first waits for
    /// its body is answered 503 `unavailable` with `Retry-After` at once; when
    /// the first ends, sync requests are admitted again. Other routes are not limited.
    @Test(.timeLimit(.minutes(3)))
    func aRequestOverTheLimitIsAnsweredUnavailableAtOnce() async throws {
        let server = try await TestServer.start { $0.maxSyncRequests = 1 }
        let pull = Data(#"{"protocolVersion":1,"schemaVersion":1,"replica":"anna-phone","limit":10}"#.utf8)

        // A request that announces a body it does not send yet holds the only
        // slot. Whether it got the slot before the probe is a race on a busy
        // machine, so each attempt opens a new holder and waits longer before
        // probing; a holder that lost the race is dropped (its connection closes).
        var refused: HTTPReply?
        var holders: [RawConnection] = []
        for attempt in 0..<12 where refused == nil {
            let holder = try RawConnection(port: server.port)
            try holder.write(
                "POST /v1/sync/pull HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(StubAuthenticator.annaToken)\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 500\r\n\r\n{"
            )
            holders.append(holder)
            try await Task.sleep(for: .milliseconds(100 << min(attempt, 5)))
            let reply = try await server.send("POST", "/v1/sync/pull", body: pull)
            if reply.status == 503 { refused = reply }
        }
        let busy = try #require(refused, "a sync request was never refused while another held the only slot")
        #expect(busy.errorCode == "unavailable")
        #expect(busy.headers["retry-after"] == "1")
        #expect((busy.json?["message"] as? String)?.contains("busy") == true)
        #expect(try await server.send("GET", "/healthz", token: nil).status == 200, "other routes are not limited")

        // The holders give up (their connections close): the slot is free again.
        holders.removeAll()
        var admitted = false
        for _ in 0..<200 {
            if try await server.send("POST", "/v1/sync/pull", body: pull).status != 503 {
                admitted = true
                break
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(admitted, "sync requests stay refused after the first one ended")
        await server.stop()
    }

    @Test func theLimitComesFromTheEnvironmentAndMustBePositive() throws {
        let configured = try FieldbookServerConfiguration.resolve(environment: ["FIELDBOOK_SERVER_MAX_SYNC_REQUESTS": "7"])
        #expect(configured.maxSyncRequests == 7)
        #expect(configured.httpLimits.maxSyncRequests == 7)
        #expect(try FieldbookServerConfiguration.resolve(environment: [:]).maxSyncRequests == 512)
        #expect(throws: ConfigurationError.self) {
            try FieldbookServerConfiguration.resolve(environment: ["FIELDBOOK_SERVER_MAX_SYNC_REQUESTS": "0"])
        }
    }
}
