import FieldbookServer
import FieldbookServerCore
import Foundation
import Hummingbird
import Logging
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Routes added next to the app's own (as the identity and records route
/// groups are) get the app's middleware: errors become ErrorResponse JSON with
/// the right status, and a valid bearer token fills `context.identity`.
@Suite struct ErrorMappingTests {
    @Test func aHandlersOwn404StaysA404AndOtherErrorsBecome500() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fieldbook-errors-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        var services = try ServerServices.open(dataDirectory: directory, logger: Logger(label: "error-test"))
        services.authenticator = StubAuthenticator()
        defer { try? services.close() }
        let router = FieldbookServerApp.makeRouter(configuration: .init(dataDirectory: directory), services: services)
        router.get("/probe/{id}") { _, _ -> String in throw HTTPError(.notFound, message: "no probe with this id") }
        router.delete("/probe/{id}") { _, _ -> String in throw ProbeFailure() }
        router.get("/whoami") { _, context -> String in context.identity?.login ?? "nobody" }
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { continuation.yield($0.localAddress?.port ?? 0) }
        )
        let task = Task { try await app.run() }
        defer { task.cancel() }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())

        func whoami(_ token: String?) async throws -> String {
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/whoami")!)
            if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
            return String(decoding: try await URLSession.shared.data(for: request).0, as: UTF8.self)
        }
        #expect(try await whoami(StubAuthenticator.annaToken) == "anna")
        #expect(try await whoami("forged") == "nobody")
        #expect(try await whoami(nil) == "nobody")

        func call(_ method: String) async throws -> (Int, [String: Any]) {
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/probe/p-1")!)
            request.httpMethod = method
            let (data, response) = try await URLSession.shared.data(for: request)
            let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, json)
        }
        let (missing, missingBody) = try await call("GET")
        #expect(missing == 404)
        #expect(missingBody["error"] as? String == "not_found")
        #expect(missingBody["message"] as? String == "no probe with this id")
        let (failed, failedBody) = try await call("DELETE")
        #expect(failed == 500)
        #expect(failedBody["error"] as? String == "internal_error")
        #expect((failedBody["message"] as? String)?.contains("secret") == false)
    }
}

private struct ProbeFailure: Error, CustomStringConvertible {
    var description: String { "secret customer detail" }
}
