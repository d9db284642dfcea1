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
    let port: Int
    private let task: Task<Void, any Error>

    /// A fresh directory, store and server; returns once the socket is bound.
    static func start(
        configure: (inout FieldbookServerConfiguration) -> Void = { _ in }
    ) async throws -> TestServer {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("fieldbook-http-\(UUID().uuidString)")
        var logger = Logger(label: "fieldbook-server-test")
        logger.logLevel = .critical
        var services = try ServerServices.open(dataDirectory: directory, logger: logger)
        services.authenticator = StubAuthenticator()
        var configuration = FieldbookServerConfiguration(host: "127.0.0.1", port: 0, dataDirectory: directory)
        configure(&configuration)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = FieldbookServerApp.build(configuration: configuration, services: services) { port in
            continuation.yield(port)
            continuation.finish()
        }
        let task = Task { try await app.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            task.cancel()
            throw TestServerError.didNotStart
        }
        return TestServer(directory: directory, services: services, port: port, task: task)
    }

    private init(directory: URL, services: ServerServices, port: Int, task: Task<Void, any Error>) {
        self.directory = directory
        self.services = services
        self.port = port
        self.task = task
    }

    /// Stops the server, waits until it has stopped, and removes the directory.
    func stop() async {
        task.cancel()
        _ = await task.result
        try? services.close()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Whether the server task ended without an error after ``stop()``.
    var stoppedCleanly: Bool {
        get async {
            if case .success = await task.result { return true }
            return false
        }
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
