import Foundation
import Testing

/// Sends hostile requests to a real server process and checks each answer:
/// the expected 4xx status, a JSON error object with the expected code and a
/// message, and `/healthz` still 200 afterwards.
struct HostileProbe {
    /// The server under attack.
    let server: ServerProcess
    /// A signed-in session whose token the probes use by default.
    let http: HTTPCall

    /// Sends `body` and expects `status` with error `code`.
    func expectRejected(
        _ label: String, status: Int, code: String, _ method: String = "POST", _ path: String = "/v1/sync/push",
        body: Data?, headers: [String: String] = [:], as caller: HTTPCall? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let answer = try await (caller ?? http).send(method, path, body: body, headers: headers)
        #expect(answer.status == status, "\(label): HTTP \(answer.status) \(answer.body ?? "")", sourceLocation: sourceLocation)
        #expect(answer.object["error"] as? String == code, "\(label): \(answer.body ?? "")", sourceLocation: sourceLocation)
        #expect(answer.object["message"] is String, "\(label): no message", sourceLocation: sourceLocation)
        try await expectHealthy(label, sourceLocation: sourceLocation)
    }

    /// Like ``expectRejected(_:status:code:_:_:body:headers:as:sourceLocation:)`` with a JSON value as body.
    func expectRejected(
        _ label: String, status: Int, code: String, _ method: String = "POST", _ path: String = "/v1/sync/push",
        json: Any, as caller: HTTPCall? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let body = try JSONSerialization.data(withJSONObject: json)
        try await expectRejected(
            label, status: status, code: code, method, path, body: body, as: caller, sourceLocation: sourceLocation
        )
    }

    /// Pushes `changes` and expects each to be rejected with the matching change-level code.
    func expectChangesRejected(
        _ label: String, _ session: RawSyncSession, _ changes: [[String: Any]], codes: [String],
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let answer = try await session.push(changes)
        #expect(answer.status == 200, "\(label): HTTP \(answer.status) \(answer.body ?? "")", sourceLocation: sourceLocation)
        let results = answer.object["results"] as? [[String: Any]] ?? []
        #expect(results.map { $0["code"] as? String ?? "accepted" } == codes, "\(label): \(results)", sourceLocation: sourceLocation)
        try await expectHealthy(label, sourceLocation: sourceLocation)
    }

    /// `/healthz` answers 200.
    func expectHealthy(_ label: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let health = try await http.with(token: nil).send("GET", "/healthz")
        #expect(health.status == 200, "after \(label): /healthz \(health.status)", sourceLocation: sourceLocation)
    }

    /// A JSON body of `count` bytes, mostly spaces inside one string.
    static func padded(_ count: Int) -> Data {
        var data = Data("{\"pad\":\"".utf8)
        data.append(Data(repeating: 0x20, count: max(0, count - 10)))
        data.append(Data("\"}".utf8))
        return data
    }

    /// gzip of ``padded(_:)`` made by the `gzip` tool: a few KiB that inflate to `count` bytes.
    static func gzipBomb(inflatingTo count: Int) async throws -> Data {
        let directory = try BuiltExecutable.temporaryDirectory("fieldbook-bomb")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("bomb.gz").path
        let script = "{ printf '{\"pad\":\"'; head -c \(count) /dev/zero | tr '\\000' ' '; printf '\"}'; } | gzip -c > '\(path)'"
        let result = try await ProcessResult.run(URL(fileURLWithPath: "/bin/sh"), ["-c", script])
        guard result.exitCode == 0 else { throw EndToEndError.failed(result) }
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }
}
