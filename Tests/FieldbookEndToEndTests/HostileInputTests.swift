import FieldbookModel
import Foundation
import Testing

/// Hostile and broken input against a real `fieldbook-server` process: each
/// request gets a clear 4xx with a JSON error code (or, inside a valid push,
/// the change-level rejection code), `/healthz` stays 200 after every one,
/// and the server's resident memory stays bounded.
@Suite("end to end: hostile input", .serialized)
struct HostileInputTests {
    /// Resident memory the server may gain over the whole barrage.
    static let memoryBound = 128 * 1_048_576

    @Test func brokenBodiesAndLimitsAre4xxAndMemoryStaysBounded() async throws {
        let organization = try await SalesOrganization.start()
        defer { organization.server.killNow() }
        let replica = "hostile-\(UUID().uuidString.prefix(8).lowercased())"
        let http = try await organization.http("eva", replica: replica)
        let probe = HostileProbe(server: organization.server, http: http)
        let pid = try #require(organization.server.processIdentifier)
        let session = RawSyncSession(http: http, replica: replica, schemaVersion: SchemaRegistry.currentVersion)
        // Warm up: a real push and pull, so the baseline includes the working set.
        _ = try await session.pushOne(session.change("account", "hostile-warmup", [["slot": "name", "value": "Warm"]]))
        _ = try await session.downloadRecordIDs()
        let before = try #require(ProcessMemory.residentBytes(pid))

        let bomb = try await HostileProbe.gzipBomb(inflatingTo: 64 << 20)
        #expect(bomb.count < 1 << 20)
        for round in 0..<3 {
            for body in ["{", "{\"a\":1,}", "nul", "{\"a\":NaN}", "[1,2", "{'replica':1}", "\u{FEFF}{}", "{\"a\":1}{}"] {
                try await probe.expectRejected("malformed \(body)", status: 400, code: "malformed_json", body: Data(body.utf8))
            }
            try await probe.expectRejected(
                "invalid UTF-8", status: 400, code: "malformed_json", body: Data([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D])
            )
            let wrongTypes: [[String: Any]] = [
                ["protocolVersion": "1", "schemaVersion": SchemaRegistry.currentVersion, "replica": replica, "changes": []],
                ["protocolVersion": 1, "schemaVersion": SchemaRegistry.currentVersion, "replica": 42, "changes": []],
                ["protocolVersion": 1, "schemaVersion": SchemaRegistry.currentVersion, "replica": replica, "changes": ["not a change"]],
                ["protocolVersion": 1, "schemaVersion": SchemaRegistry.currentVersion, "replica": replica, "changes": [:]],
                ["protocolVersion": 1, "schemaVersion": SchemaRegistry.currentVersion, "replica": replica],
            ]
            for json in wrongTypes {
                try await probe.expectRejected("wrong types \(json)", status: 400, code: "invalid_request", json: json)
            }
            try await probe.expectRejected(
                "pull limit 0", status: 400, code: "invalid_request", "POST", "/v1/sync/pull",
                json: ["protocolVersion": 1, "schemaVersion": SchemaRegistry.currentVersion, "replica": replica, "limit": 0]
            )
            try await probe.expectRejected(
                "17 MiB body", status: 413, code: "body_too_large", body: HostileProbe.padded(17 << 20)
            )
            try await probe.expectRejected(
                "gzip bomb", status: 413, code: "body_too_large", body: bomb, headers: ["Content-Encoding": "gzip"]
            )
            try await probe.expectRejected(
                "corrupt gzip", status: 400, code: "invalid_request", body: Data("not gzip".utf8),
                headers: ["Content-Encoding": "gzip"]
            )
            let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
            try await probe.expectRejected("deep nesting", status: 400, code: "nesting_too_deep", body: Data(deep.utf8))
            let many = "[" + Array(repeating: "1", count: 1_100_000).joined(separator: ",") + "]"
            try await probe.expectRejected("too many values", status: 413, code: "too_many_elements", body: Data(many.utf8))
            let batch = (0..<1001).map { index in
                session.change("account", "hostile-batch-\(round)-\(index)", [["slot": "name", "value": "B"]], dot: "\(replica):\(index + 10)")
            }
            try await probe.expectRejected(
                "1001 changes", status: 413, code: "batch_too_large",
                json: ["protocolVersion": 1, "schemaVersion": SchemaRegistry.currentVersion, "replica": replica, "changes": batch]
            )
            try await probe.expectRejected(
                "protocol version 99", status: 400, code: "unsupported_protocol_version",
                json: ["protocolVersion": 99, "schemaVersion": SchemaRegistry.currentVersion, "replica": replica, "changes": []]
            )
            try await probe.expectRejected(
                "text/plain", status: 415, code: "unsupported_media_type", body: Data("{}".utf8),
                headers: ["Content-Type": "text/plain"]
            )
            try await probe.expectRejected(
                "brotli", status: 415, code: "unsupported_encoding", body: Data("{}".utf8), headers: ["Content-Encoding": "br"]
            )
            try await probe.expectRejected(
                "login huge", status: 413, code: "body_too_large", "POST", "/v1/auth/login", body: HostileProbe.padded(17 << 20),
                as: http.with(token: nil)
            )
            try await probe.expectRejected(
                "login wrong types", status: 400, code: "invalid_request", "POST", "/v1/auth/login",
                json: ["login": ["eva"], "password": 1], as: http.with(token: nil)
            )
        }
        let after = try #require(ProcessMemory.residentBytes(pid))
        print("hostile: server VmRSS \(before / 1_048_576) MiB before, \(after / 1_048_576) MiB after")
        #expect(after - before < Self.memoryBound, "VmRSS grew from \(before) to \(after) bytes")
        #expect(await organization.server.terminate() == 0)
    }
}

extension HostileInputTests {
    @Test func forgedReplicasAndReplayedOrRevokedTokensAreRefused() async throws {
        let organization = try await SalesOrganization.start()
        defer { organization.server.killNow() }
        let version = SchemaRegistry.currentVersion
        let evaReplica = "hostile-eva-\(UUID().uuidString.prefix(8).lowercased())"
        let annaReplica = "hostile-anna-\(UUID().uuidString.prefix(8).lowercased())"
        let (eva, _) = try await HTTPCall.login(
            organization.server, "eva", password: SalesOrganization.password("eva"), replica: evaReplica
        )
        let (anna, annaLogin) = try await HTTPCall.login(
            organization.server, "anna", password: SalesOrganization.password("anna"), replica: annaReplica
        )
        let probe = HostileProbe(server: organization.server, http: eva)
        let session = RawSyncSession(http: eva, replica: evaReplica, schemaVersion: version)
        let annaSession = RawSyncSession(http: anna, replica: annaReplica, schemaVersion: version)
        let name: [[String: Any]] = [["slot": "name", "value": "Forged"]]

        // Pushing or pulling with another device's replica, or with one no device owns.
        for replica in [annaReplica, "never-enrolled-replica"] {
            let push: [String: Any] = [
                "protocolVersion": 1, "schemaVersion": version, "replica": replica,
                "changes": [annaSession.change("account", "forged-\(replica)", name, dot: "\(replica):1")],
            ]
            try await probe.expectRejected("push as \(replica)", status: 403, code: "forbidden", json: push)
            let pull: [String: Any] = ["protocolVersion": 1, "schemaVersion": version, "replica": replica, "limit": 100]
            try await probe.expectRejected("pull as \(replica)", status: 403, code: "forbidden", "POST", "/v1/sync/pull", json: pull)
        }
        // Another replica's dot inside one's own push.
        try await probe.expectChangesRejected(
            "foreign dot", session, [session.change("account", "forged-dot", name, dot: "\(annaReplica):1")], codes: ["foreign_dot"]
        )
        // Signing in again with a replica bound to another device.
        let stolen = try await HTTPCall(baseURL: organization.server.baseURL).send(
            "POST", "/v1/auth/login",
            json: ["login": "eva", "password": SalesOrganization.password("eva"), "deviceName": "thief", "replica": annaReplica]
        )
        #expect((400..<500).contains(stolen.status), "\(stolen.body ?? "")")
        #expect(stolen.object["error"] is String)

        // Bad credentials and garbage tokens.
        let anonymous = eva.with(token: nil)
        try await probe.expectRejected(
            "wrong password", status: 401, code: "unauthenticated", "POST", "/v1/auth/login",
            json: ["login": "eva", "password": "wrong-password-123", "deviceName": "x", "replica": "hostile-wrong-pw"],
            as: anonymous
        )
        for token in ["forged", String(repeating: "A", count: 10_000), ""] {
            try await probe.expectRejected(
                "token \(token.prefix(8))", status: 401, code: "unauthenticated",
                json: ["protocolVersion": 1, "schemaVersion": version, "replica": evaReplica, "changes": []],
                as: eva.with(token: token)
            )
        }

        // A control character in the header breaks HTTP framing: NIO's parser
        // answers a bare 400 before the application sees the request (no JSON
        // body possible there), and the server carries on.
        let framing = try await eva.with(token: "\u{7F}").send("POST", "/v1/sync/push", body: Data("{}".utf8))
        #expect(framing.status == 400)
        try await probe.expectHealthy("control character in a header")

        // A token replayed after sign-out.
        let (leaving, _) = try await HTTPCall.login(
            organization.server, "eva", password: SalesOrganization.password("eva"), replica: "hostile-leaving"
        )
        #expect(try await leaving.send("POST", "/v1/auth/logout").status == 204)
        let pullLeaving: [String: Any] = ["protocolVersion": 1, "schemaVersion": version, "replica": "hostile-leaving", "limit": 100]
        try await probe.expectRejected(
            "replayed token", status: 401, code: "unauthenticated", "POST", "/v1/sync/pull", json: pullLeaving, as: leaving
        )
        try await probe.expectRejected(
            "replayed logout", status: 401, code: "unauthenticated", "POST", "/v1/auth/logout", body: nil, as: leaving
        )

        // A revoked device (revoked by the admin command while the server runs).
        let device = try #require(annaLogin["device"] as? String)
        _ = try await annaSession.pushOne(annaSession.change("account", "hostile-anna-1", name))
        try await organization.server.admin(["device", "revoke", device])
        let pullAnna: [String: Any] = ["protocolVersion": 1, "schemaVersion": version, "replica": annaReplica, "limit": 100]
        let revoked = try await anna.send("POST", "/v1/sync/pull", json: pullAnna)
        #expect([401, 403].contains(revoked.status), "revoked: \(revoked.status) \(revoked.body ?? "")")
        #expect(["unauthenticated", "forbidden"].contains(revoked.object["error"] as? String ?? ""))
        let revokedPush = try await annaSession.push([annaSession.change("account", "hostile-anna-2", name)])
        #expect([401, 403].contains(revokedPush.status), "revoked push: \(revokedPush.status) \(revokedPush.body ?? "")")
        try await probe.expectHealthy("revoked device")
        #expect(await organization.server.terminate() == 0)
    }
}

extension HostileInputTests {
    @Test func futureClocksUnknownSchemaAndForgedCursorsAreRefused() async throws {
        let organization = try await SalesOrganization.start()
        defer { organization.server.killNow() }
        let version = SchemaRegistry.currentVersion
        let replica = "hostile-\(UUID().uuidString.prefix(8).lowercased())"
        let http = try await organization.http("eva", replica: replica)
        let probe = HostileProbe(server: organization.server, http: http)
        let session = RawSyncSession(http: http, replica: replica, schemaVersion: version)
        let name: [[String: Any]] = [["slot": "name", "value": "Zukunft"]]

        // Clocks far in the future (a day, the largest HLC) and malformed times.
        var future = session.change("account", "hostile-future-1", name)
        future["time"] = String(format: "%012llx0000", UInt64(Date().timeIntervalSince1970 * 1000) + 86_400_000)
        var farthest = session.change("account", "hostile-future-2", name)
        farthest["time"] = "ffffffffffff0000"
        try await probe.expectChangesRejected("future clocks", session, [future, farthest], codes: ["clock_drift", "clock_drift"])
        for time in ["FFFFFFFFFFFF0000", "12", "zzzzzzzzzzzzzzzz", "-0000000000000001"] {
            var change = session.change("account", "hostile-time", name, dot: "\(replica):3")
            change["time"] = time
            try await probe.expectRejected(
                "time \(time)", status: 400, code: "invalid_request",
                json: ["protocolVersion": 1, "schemaVersion": version, "replica": replica, "changes": [change]]
            )
        }

        // Unknown entities, fields and values of the wrong type.
        try await probe.expectChangesRejected(
            "unknown schema", session,
            [
                session.change("spaceship", "hostile-ship", name),
                session.change("account", "hostile-shoe", [["slot": "shoeSize", "value": "44"]]),
                session.change("account", "hostile-phone", [["slot": "name", "value": "A"], ["slot": "phone", "value": 42]]),
                session.change("account", "hostile-ok", name),
            ],
            codes: ["unknown_entity", "unknown_field", "invalid_value", "accepted"]
        )
        // Structurally broken changes, and a dot reused with other content.
        try await probe.expectChangesRejected(
            "broken changes", session,
            [
                session.change("account", "hostile-empty", []),
                session.change("account", "../../etc/passwd", name),
                session.change("account", "hostile-twice", [["slot": "name", "value": "A"], ["slot": "name", "value": "B"]]),
                session.change("account", "hostile-other", name, dot: "\(replica):6"),
            ],
            codes: ["invalid_change", "invalid_change", "invalid_change", "dot_reused"]
        )
        try await probe.expectRejected("records of unknown entity", status: 404, code: "not_found", "GET", "/v1/records/spaceship", body: nil)
        try await probe.expectRejected(
            "create with unknown field", status: 422, code: "unknown_field", "POST", "/v1/records/account",
            json: ["fields": ["name": "X", "shoeSize": 44]]
        )
        // Found by this suite: a create whose fields are all null wrote nothing and answered 404.
        try await probe.expectRejected(
            "create with only nulls", status: 400, code: "invalid_request", "POST", "/v1/records/account",
            json: ["fields": ["name": NSNull()]]
        )
        try await probe.expectRejected(
            "patch of a missing record", status: 404, code: "not_found", "PATCH", "/v1/records/account/hostile-missing",
            json: ["fields": ["name": "X"]]
        )
        try await probe.expectRejected(
            "listing limit", status: 400, code: "invalid_request", "GET", "/v1/records/account?limit=100000000", body: nil
        )

        // Cursors: garbage, forged beyond the log, another replica's, tampered, and overlong.
        let first = try await http.send(
            "POST", "/v1/sync/pull", json: ["protocolVersion": 1, "schemaVersion": version, "replica": replica, "limit": 100]
        )
        let issued = try #require(first.object["cursor"] as? String)
        let other = "hostile-other-\(UUID().uuidString.prefix(8).lowercased())"
        let tampered = String(issued.dropLast()) + (issued.hasSuffix("0") ? "1" : "0")
        let cursors: [(String, String)] = [
            ("garbage", "AAAA"),
            ("beyond the log", CursorForgery.cursor("L99999999999", for: replica)),
            ("snapshot beyond the log", CursorForgery.cursor("S99999999999,acc-1", for: replica)),
            ("position overflow", CursorForgery.cursor("L99999999999999999999999", for: replica)),
            ("scoped beyond the log", CursorForgery.cursor("P1,L,99999999999,", for: replica)),
            ("nested transition", CursorForgery.cursor("P1,T,0,e,,T,0,e,,L,0,", for: replica)),
            ("another replica's", CursorForgery.cursor("L0", for: other)),
            ("another deployment's", CursorForgery.cursor("L0", for: replica, deployment: "staging")),
            ("tampered", tampered),
            ("overlong", "c1.L0." + String(repeating: "a", count: 5000)),
        ]
        for (label, cursor) in cursors {
            let pull: [String: Any] = ["protocolVersion": 1, "schemaVersion": version, "replica": replica, "cursor": cursor, "limit": 100]
            let answer = try await http.send("POST", "/v1/sync/pull", json: pull)
            #expect(answer.status == 400, "cursor \(label): \(answer.status) \(answer.body ?? "")")
            #expect(["invalid_cursor", "invalid_request"].contains(answer.object["error"] as? String ?? ""), "\(label): \(answer.body ?? "")")
            var acknowledging: [String: Any] = ["protocolVersion": 1, "schemaVersion": version, "replica": replica, "limit": 100]
            acknowledging["cursor"] = issued
            acknowledging["acknowledged"] = cursor
            let acknowledged = try await http.send("POST", "/v1/sync/pull", json: acknowledging)
            #expect(acknowledged.status == 400, "acknowledged \(label): \(acknowledged.status) \(acknowledged.body ?? "")")
            try await probe.expectHealthy("cursor \(label)")
        }
        // Cursors are HMAC-tagged with the deployment's secret: a well-formed forged
        // cursor is refused, so a client cannot make a scoped cursor for itself;
        // the real one the server issued is accepted.
        let carlReplica = "hostile-carl-\(UUID().uuidString.prefix(8).lowercased())"
        let carl = try await organization.http("carl", replica: carlReplica)
        let carlPull: [String: Any] = ["protocolVersion": 1, "schemaVersion": version, "replica": carlReplica, "limit": 100]
        let scoped = try #require(try await carl.send("POST", "/v1/sync/pull", json: carlPull).object["cursor"] as? String)
        #expect(scoped.hasPrefix("c1.P"), "a rep's cursor is scoped: \(scoped)")
        let carlProbe = HostileProbe(server: organization.server, http: carl)
        var forgedPull = carlPull
        forgedPull["cursor"] = CursorForgery.cursor("P1,L,0,", for: carlReplica)
        try await carlProbe.expectRejected(
            "forged scoped cursor", status: 400, code: "invalid_cursor", "POST", "/v1/sync/pull", json: forgedPull
        )
        var realPull = carlPull
        realPull["cursor"] = scoped
        let again = try await carl.send("POST", "/v1/sync/pull", json: realPull)
        #expect(again.status == 200, "the real cursor is accepted: \(again.body ?? "")")
        let promoted = try await organization.server.admin(["user", "role", "carl", "office"])
        #expect(promoted.exitCode == 0, "\(promoted.stderr)")
        // Now office staff, whose scope is everything: the scoped cursor has expired.
        try await carlProbe.expectRejected(
            "scoped cursor for the office", status: 410, code: "cursor_expired", "POST", "/v1/sync/pull", json: realPull
        )
        #expect(await organization.server.terminate() == 0)
    }
}
