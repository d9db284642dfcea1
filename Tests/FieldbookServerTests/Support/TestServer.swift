import FieldbookServer
import FieldbookServerCore
import FieldbookServerStoreSQLite
import Foundation
import Hummingbird
import Logging

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The real application on 127.0.0.1 (port 0) over a real SQLite store in a
/// temporary directory, with ``StubAuthenticator`` checking tokens.
final class TestServer: Sendable {
    let directory: URL
    let services: ServerServices
    let server: RunningFieldbookServer
    /// Every log line the server wrote (JSON lines).
    let logs: LockedLines

    var port: Int { server.port }

    /// A fresh directory, store and server; returns once the socket is bound.
    static func start(
        configure: (inout FieldbookServerConfiguration) -> Void = { _ in }
    ) async throws -> TestServer {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("fieldbook-http-\(UUID().uuidString)")
        let logs = LockedLines()
        let handler = JSONLogHandler(label: "fieldbook-server-test", sink: JSONLogSink { logs.append($0) })
        let logger = Logger(label: "fieldbook-server-test") { _ in handler }
        var services = try ServerServices.open(dataDirectory: directory, logger: logger)
        services.authenticator = StubAuthenticator()
        var configuration = FieldbookServerConfiguration(host: "127.0.0.1", port: 0, dataDirectory: directory)
        configure(&configuration)
        let server = try await FieldbookServerApp.start(configuration: configuration, services: services)
        return TestServer(directory: directory, services: services, server: server, logs: logs)
    }

    private init(directory: URL, services: ServerServices, server: RunningFieldbookServer, logs: LockedLines) {
        self.directory = directory
        self.services = services
        self.server = server
        self.logs = logs
    }

    /// Stops the server, closes the store and removes the directory; returns
    /// the error the server stopped with, if any.
    @discardableResult
    func stop() async -> (any Error)? {
        let error = await server.stop()
        try? services.close()
        try? FileManager.default.removeItem(at: directory)
        return error
    }

    /// The log lines as JSON objects.
    var logObjects: [[String: String]] {
        logs.all.compactMap { try? JSONSerialization.jsonObject(with: $0) as? [String: String] }
    }

    /// Sends one request and returns status, headers and the (decoded) body.
    func send(
        _ method: String, _ path: String, body: Data? = nil, headers: [String: String] = [:],
        token: String? = StubAuthenticator.annaToken
    ) async throws -> HTTPReply {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        request.httpBody = body
        request.timeoutInterval = 30
        if body != nil { request.setValue("application/json", forHTTPHeaderField: "Content-Type") }
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw TestServerError.notHTTP }
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { fields[name.lowercased()] = value }
        }
        return HTTPReply(status: http.statusCode, headers: fields, body: data)
    }
}

/// One HTTP answer.
struct HTTPReply: Sendable {
    var status: Int
    /// Header names lower-cased.
    var headers: [String: String]
    var body: Data

    /// The `error` member of an error body, if the body is one.
    var errorCode: String? {
        (try? JSONSerialization.jsonObject(with: body) as? [String: Any])?["error"] as? String
    }

    /// The body as a JSON object.
    var json: [String: Any]? { try? JSONSerialization.jsonObject(with: body) as? [String: Any] }

    var text: String { String(decoding: body, as: UTF8.self) }
}

enum TestServerError: Error {
    case didNotStart
    case notHTTP
}
