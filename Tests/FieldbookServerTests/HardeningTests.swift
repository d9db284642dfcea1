import FieldbookProtocol
import FieldbookServer
import FieldbookServerCoreTesting
import FieldbookSync
import Foundation
import Testing

/// Hostile and broken requests get an ErrorResponse with the right status,
/// and the server stays healthy afterwards.
@Suite struct HardeningTests {
    let codec = WireCodec()

    func validPush() throws -> Data {
        try codec.encode(PushRequest(schemaVersion: 1, replica: Fixtures.anna, changes: [Fixtures.account(counter: 1)]))
    }

    /// Sends `request`, checks status and code, then checks `/healthz` still answers.
    func expectRejected(
        _ server: TestServer, status: Int, code: String, _ method: String = "POST", _ path: String = "/v1/sync/push",
        body: Data? = nil, headers: [String: String] = [:], token: String? = StubAuthenticator.annaToken
    ) async throws {
        let reply = try await server.send(method, path, body: body, headers: headers, token: token)
        #expect(reply.status == status, "\(method) \(path): \(reply.text)")
        #expect(reply.errorCode == code, "\(method) \(path): \(reply.text)")
        #expect(reply.json?["message"] is String)
        #expect(reply.headers["content-type"]?.hasPrefix("application/json") == true)
        #expect(try await server.send("GET", "/healthz", token: nil).status == 200)
    }

    @Test func gzipBombIsRefusedWhileInflating() async throws {
        let server = try await TestServer.start { $0.maxBodyBytes = 1 << 20 }
        // 64 MiB of spaces inside a JSON string compresses to about 64 KiB.
        var json = Data("{\"pad\":\"".utf8)
        json.append(Data(repeating: 0x20, count: 64 << 20))
        json.append(Data("\"}".utf8))
        let bomb = try TestCompression.gzip(json)
        #expect(bomb.count < 1 << 20)
        try await expectRejected(server, status: 413, code: "body_too_large", body: bomb, headers: ["Content-Encoding": "gzip"])
        await server.stop()
    }

    @Test func oversizedBodyIsRefused() async throws {
        let server = try await TestServer.start { $0.maxBodyBytes = 1 << 20 }
        let huge = Data(repeating: 0x20, count: (1 << 20) + 10)
        try await expectRejected(server, status: 413, code: "body_too_large", body: huge)
        await server.stop()
    }

    @Test(.timeLimit(.minutes(1)))
    func chunkedBodyIsCutOffAtTheLimit() async throws {
        let server = try await TestServer.start { $0.maxBodyBytes = 2048 }
        let connection = try RawConnection(port: server.port)
        let chunk = "3e8\r\n" + String(repeating: " ", count: 1000) + "\r\n"
        try connection.write(
            "POST /v1/sync/push HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(StubAuthenticator.annaToken)\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + chunk + chunk + chunk + "0\r\n\r\n"
        )
        let answer = await connection.readUntilClosed()
        #expect(answer.hasPrefix("HTTP/1.1 413"), "\(answer.prefix(200))")
        #expect(answer.contains(#""error":"body_too_large""#))
        #expect(try await server.send("GET", "/healthz", token: nil).status == 200)
        await server.stop()
    }

    @Test func deepNestingIsRefusedBeforeDecoding() async throws {
        let server = try await TestServer.start()
        let deep = Data((String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)).utf8)
        try await expectRejected(server, status: 400, code: "nesting_too_deep", body: deep)
        await server.stop()
    }

    @Test func tooManyValuesAreRefused() async throws {
        let server = try await TestServer.start { $0.maxElements = 1000 }
        let many = Data(("[" + Array(repeating: "1", count: 2000).joined(separator: ",") + "]").utf8)
        try await expectRejected(server, status: 413, code: "too_many_elements", body: many)
        await server.stop()
    }

    @Test(arguments: ["{", "{\"a\":1,}", "nul", "{\"a\":NaN}", "\u{FEFF}"])
    func malformedJSONIsRefused(body: String) async throws {
        let server = try await TestServer.start()
        try await expectRejected(server, status: 400, code: "malformed_json", body: Data(body.utf8))
        await server.stop()
    }

    @Test func wellFormedButInvalidMessageIsRefused() async throws {
        let server = try await TestServer.start()
        try await expectRejected(server, status: 400, code: "invalid_request", body: Data(#"{"replica":"anna-phone"}"#.utf8))
        await server.stop()
    }

    @Test func corruptGzipIsRefused() async throws {
        let server = try await TestServer.start()
        try await expectRejected(
            server, status: 400, code: "invalid_request", body: Data("not gzip at all".utf8),
            headers: ["Content-Encoding": "gzip"]
        )
        await server.stop()
    }

    @Test func unsupportedEncodingAndMediaTypeAre415() async throws {
        let server = try await TestServer.start()
        try await expectRejected(
            server, status: 415, code: "unsupported_encoding", body: try validPush(), headers: ["Content-Encoding": "br"]
        )
        try await expectRejected(
            server, status: 415, code: "unsupported_media_type", body: try validPush(), headers: ["Content-Type": "text/plain"]
        )
        await server.stop()
    }

    @Test func missingOrUnknownTokenIs401() async throws {
        let server = try await TestServer.start()
        try await expectRejected(server, status: 401, code: "unauthenticated", body: try validPush(), token: nil)
        try await expectRejected(server, status: 401, code: "unauthenticated", body: try validPush(), token: "forged")
        try await expectRejected(
            server, status: 401, code: "unauthenticated", body: try validPush(), headers: ["Authorization": "Basic YTpi"],
            token: nil
        )
        await server.stop()
    }

    @Test func foreignReplicaIs403() async throws {
        let server = try await TestServer.start()
        let benPush = try codec.encode(
            PushRequest(schemaVersion: 1, replica: Fixtures.ben, changes: [Fixtures.account(replica: Fixtures.ben, counter: 1)])
        )
        try await expectRejected(server, status: 403, code: "forbidden", body: benPush)
        let benPull = try codec.encode(PullRequest(schemaVersion: 1, replica: Fixtures.ben))
        try await expectRejected(server, status: 403, code: "forbidden", "POST", "/v1/sync/pull", body: benPull)
        await server.stop()
    }

    @Test func unknownRoutesAre404AndWrongMethodsAre405() async throws {
        let server = try await TestServer.start()
        try await expectRejected(server, status: 404, code: "not_found", "GET", "/v1/nothing/here")
        try await expectRejected(server, status: 405, code: "method_not_allowed", "GET", "/v1/sync/push")
        let reply = try await server.send("DELETE", "/healthz")
        #expect(reply.headers["allow"] == "GET")
        let metrics = try await server.send("GET", "/metrics", token: nil).text
        #expect(metrics.contains(#"fieldbook_http_requests_total{route="unmatched",method="GET",status="404"} 1"#))
        await server.stop()
    }

    @Test func unsupportedVersionsAre400() async throws {
        let server = try await TestServer.start()
        let body = try codec.encode(PullRequest(schemaVersion: 999, replica: Fixtures.anna))
        try await expectRejected(server, status: 400, code: "unsupported_schema_version", "POST", "/v1/sync/pull", body: body)
        await server.stop()
    }

    @Test func metricsCountRejectionsAndHealthStaysOK() async throws {
        let server = try await TestServer.start()
        _ = try await server.send("POST", "/v1/sync/push", body: Data("[[[".utf8))
        _ = try await server.send("POST", "/v1/sync/push", body: try validPush(), token: nil)
        let gap = try codec.encode(PushRequest(schemaVersion: 1, replica: Fixtures.anna, changes: [Fixtures.account(counter: 5)]))
        _ = try await server.send("POST", "/v1/sync/push", body: gap)
        let metrics = try await server.send("GET", "/metrics", token: nil)
        #expect(metrics.status == 200)
        #expect(metrics.headers["content-type"]?.hasPrefix("text/plain") == true)
        let text = metrics.text
        #expect(text.contains(#"fieldbook_http_requests_total{route="/v1/sync/push",method="POST",status="400"} 1"#))
        #expect(text.contains(#"fieldbook_http_requests_total{route="/v1/sync/push",method="POST",status="401"} 1"#))
        #expect(text.contains(#"fieldbook_sync_pushed_changes_total{result="rejected",code="counter_gap"} 1"#))
        #expect(text.contains(#"fieldbook_http_request_duration_seconds_count{route="/v1/sync/push"} 3"#))
        #expect(text.contains("fieldbook_http_requests_in_flight 1"))
        #expect(text.contains("process_start_time_seconds "))
        let health = try await server.send("GET", "/healthz", token: nil)
        #expect(health.json?["status"] as? String == "ok")
        await server.stop()
    }
}
