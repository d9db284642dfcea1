import CompressNIO
import FieldbookProtocol
import FieldbookServerCoreTesting
import FieldbookSync
import Foundation
import Testing

/// Push and pull through the real HTTP server on 127.0.0.1 with a SQLite store.
@Suite struct SyncEndpointTests {
    let codec = WireCodec()

    func pushBody(_ changes: [Change], replica: ReplicaID = Fixtures.anna) throws -> Data {
        try codec.encode(PushRequest(schemaVersion: 1, replica: replica, changes: changes))
    }

    @Test func pushThenPullRoundTripsThroughHTTP() async throws {
        let server = try await TestServer.start()
        let pushed = try await server.send("POST", "/v1/sync/push", body: pushBody([Fixtures.account(counter: 1)]))
        #expect(pushed.status == 200)
        let results = try codec.decode(PushResponse.self, from: pushed.body).results
        #expect(results.map(\.status) == [.accepted])

        let pullBody = try codec.encode(PullRequest(schemaVersion: 1, replica: Fixtures.ben))
        let pulled = try await server.send("POST", "/v1/sync/pull", body: pullBody, token: StubAuthenticator.benToken)
        #expect(pulled.status == 200)
        let page = try codec.decode(PullResponse.self, from: pulled.body)
        let records = Set(page.snapshots.map(\.id) + page.changes.map(\.record))
        #expect(records == ["acc-1"])
        #expect(page.hasMore == false)

        let metrics = try await server.send("GET", "/metrics", token: nil).text
        #expect(metrics.contains(#"fieldbook_sync_pushed_changes_total{result="accepted",code=""} 1"#))
        #expect(metrics.contains(#"fieldbook_http_requests_total{route="/v1/sync/push",method="POST",status="200"} 1"#))
        #expect(metrics.contains("fieldbook_sync_pulled_items_total{kind="))
        await server.stop()
    }

    @Test func rePushingTheSameChangeIsADuplicate() async throws {
        let server = try await TestServer.start()
        let body = try pushBody([Fixtures.account(counter: 1), Fixtures.account("acc-2", counter: 2)])
        let first = try await server.send("POST", "/v1/sync/push", body: body)
        let second = try await server.send("POST", "/v1/sync/push", body: body)
        #expect(try codec.decode(PushResponse.self, from: first.body).results.map(\.status) == [.accepted, .accepted])
        #expect(try codec.decode(PushResponse.self, from: second.body).results.map(\.status) == [.duplicate, .duplicate])
        await server.stop()
    }

    /// gzip, deflate (zlib format, RFC 1950) and raw deflate, which some clients send as "deflate".
    @Test(arguments: ["gzip", "deflate", "raw-deflate"])
    func compressedRequestBodiesAreInflated(encoding: String) async throws {
        let server = try await TestServer.start()
        let plain = try pushBody([Fixtures.account(counter: 1)])
        let body =
            switch encoding {
            case "gzip": try TestCompression.gzip(plain)
            case "deflate": try TestCompression.deflate(plain)
            default: try TestCompression.compress(plain, .deflate())
            }
        #expect(body != plain)
        let header = encoding == "gzip" ? "gzip" : "deflate"
        let reply = try await server.send("POST", "/v1/sync/push", body: body, headers: ["Content-Encoding": header])
        #expect(reply.status == 200, "\(reply.text)")
        #expect(try codec.decode(PushResponse.self, from: reply.body).results.map(\.status) == [.accepted])
        await server.stop()
    }

    @Test func largeResponsesAreCompressedWhenAccepted() async throws {
        let server = try await TestServer.start()
        let changes = (1...40).map { Fixtures.account("acc-\($0)", counter: UInt64($0)) }
        let reply = try await server.send(
            "POST", "/v1/sync/push", body: try pushBody(changes), headers: ["Accept-Encoding": "gzip"]
        )
        #expect(reply.status == 200)
        #expect(reply.headers["content-encoding"] == "gzip")
        // URLSession (libcurl) may already have inflated the body; it must decode either way.
        let body = (try? codec.decode(PushResponse.self, from: reply.body)) != nil ? reply.body : try TestCompression.gunzip(reply.body)
        #expect(try codec.decode(PushResponse.self, from: body).results.count == 40)
        let small = try await server.send("GET", "/healthz", headers: ["Accept-Encoding": "gzip"], token: nil)
        #expect(small.headers["content-encoding"] == nil)
        #expect(reply.headers["vary"] == "Accept-Encoding")
        await server.stop()
    }

    @Test func requestIDIsEchoed() async throws {
        let server = try await TestServer.start()
        let reply = try await server.send("POST", "/v1/sync/push", body: Data("{".utf8), headers: ["X-Request-ID": "req-abc"])
        #expect(reply.headers["x-request-id"] == "req-abc")
        #expect(reply.json?["requestID"] as? String == "req-abc")
        let generated = try await server.send("GET", "/healthz", token: nil)
        #expect(generated.headers["x-request-id"]?.hasPrefix("req-") == true)
        await server.stop()
    }

    @Test func serverStopsCleanly() async throws {
        let server = try await TestServer.start()
        #expect(try await server.send("GET", "/healthz", token: nil).status == 200)
        let error = await server.stop()
        #expect(error == nil, "stopped with \(String(describing: error))")
        await #expect(throws: (any Error).self) {
            _ = try await server.send("GET", "/healthz", token: nil)
        }
    }

    @Test func requestLogLinesNameTheDeviceButNoData() async throws {
        let server = try await TestServer.start()
        let body = try pushBody([Fixtures.account(counter: 1, name: "Secret Customer GmbH")])
        _ = try await server.send("POST", "/v1/sync/push", body: body, headers: ["X-Request-ID": "req-log-1"])
        await server.stop()
        let line = try #require(server.logObjects.first { $0["request_id"] == "req-log-1" && $0["message"] == "request" })
        #expect(line["method"] == "POST")
        #expect(line["route"] == "/v1/sync/push")
        #expect(line["status"] == "200")
        #expect(line["login"] == "anna")
        #expect(line["device"] == "dev-anna")
        #expect(line["duration_ms"].flatMap(Double.init) != nil)
        let everything = server.logs.all.map { String(decoding: $0, as: UTF8.self) }.joined()
        #expect(!everything.contains("Secret Customer"))
        #expect(!everything.contains(StubAuthenticator.annaToken))
    }
}
