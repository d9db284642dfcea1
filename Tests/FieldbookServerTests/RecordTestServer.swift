import FieldbookModel
import FieldbookServerCore
import FieldbookServerCoreTesting
import FieldbookServerStoreSQLite
import FieldbookSync
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

@testable import FieldbookServer

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A real HTTP server on 127.0.0.1 (port chosen by the system) serving only
/// the records routes over a SQLite store in a temporary directory. A tiny
/// middleware stands in for authentication: `X-Test-Role: office` makes the
/// request come from user `user-office` with that role; no header, no identity.
struct RecordTestServer {
    /// An HTTP answer: status, headers (lower-cased names) and the body as JSON, if any.
    struct Reply {
        var status: Int
        var headers: [String: String]
        var json: RecordJSONValue?

        /// The wire code of an error body.
        var errorCode: String? { json?["error"]?.stringValue }
        /// The message of an error body.
        var message: String { json?["message"]?.stringValue ?? "" }
        /// The `fields` of a document body.
        var fields: RecordJSONValue? { json?["fields"] }
    }

    let harness: Harness
    let port: Int

    /// Runs `body` against a fresh server and store, then stops both.
    /// With `scoped`, reads and writes follow the caller's sync scope (SYNC.md
    /// §11.5.1); without, every role sees everything (the test identities
    /// have no user records).
    static func with(scoped: Bool = false, _ body: (RecordTestServer) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("records-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteServerStore(path: directory.appendingPathComponent("server.sqlite").path)
        let harness = Harness(store: store, configuration: scoped ? .init() : .unscoped)

        let router = Router(context: FieldbookRequestContext.self)
        router.add(middleware: TestIdentityMiddleware())
        RecordRoutes.register(on: router, sync: harness.service, logger: Logger(label: "records-test"))
        ImportRoutes.register(on: router, sync: harness.service, logger: Logger(label: "import-test"))
        var appLogger = Logger(label: "records-test-app")
        appLogger.logLevel = .critical  // cancelling the server at the end logs an error
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            },
            logger: appLogger
        )
        let running = Task { try await app.run() }
        defer { running.cancel() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else { throw RecordRecordTestServerError.didNotStart }
        try await body(RecordTestServer(harness: harness, port: port))
        running.cancel()
        _ = await running.result
        try store.close()
    }

    /// Sends a request; `body` is raw JSON text.
    func send(
        _ method: String, _ path: String, role: String? = "office", body: String? = nil,
        headers: [String: String] = [:]
    ) async throws -> Reply {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        if let role { request.setValue(role, forHTTPHeaderField: TestIdentityMiddleware.header) }
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        var replyHeaders: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { replyHeaders[name.lowercased()] = value }
        }
        let json = data.isEmpty ? nil : try JSONDecoder().decode(RecordJSONValue.self, from: data)
        return Reply(status: http.statusCode, headers: replyHeaders, json: json)
    }

    /// Creates a record and returns its document, failing the test's expectations otherwise.
    func create(_ entity: String, _ body: String, role: String = "office") async throws -> RecordJSONValue {
        let reply = try await send("POST", "/v1/records/\(entity)", role: role, body: body)
        guard reply.status == 201, let json = reply.json else {
            throw RecordRecordTestServerError.unexpected(reply.status, reply.errorCode, reply.message)
        }
        return json
    }
}

enum RecordRecordTestServerError: Error {
    case didNotStart
    case unexpected(Int, String?, String)
}

/// Sets the request's identity from `X-Test-Role` (the test's stand-in for bearer tokens).
struct TestIdentityMiddleware: RouterMiddleware {
    typealias Context = FieldbookRequestContext
    static let header = "X-Test-Role"

    func handle(
        _ request: Request, context: FieldbookRequestContext,
        next: (Request, FieldbookRequestContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        context.requestID = "req-test"
        if let role = request.headers[HTTPField.Name(Self.header)!] {
            context.identity = AuthenticatedDevice(
                user: "user-\(role)", login: role, role: Role(rawValue: role), device: "device-\(role)",
                replica: ReplicaID(unchecked: "\(role)-pc")
            )
        }
        return try await next(request, context)
    }
}

extension RecordJSONValue {
    /// The element at `index` of an array.
    subscript(index: Int) -> RecordJSONValue? {
        guard let elements = arrayElements, elements.indices.contains(index) else { return nil }
        return elements[index]
    }
}
