import FieldbookProtocol
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A ``SyncTransport`` over HTTP(S) with `URLSession`.
///
/// Every request is a `POST` of JSON (encoded with `WireCodec`) to
/// `baseURL` + the endpoint path (``FieldbookProtocol/SyncEndpoint``), with
/// `Authorization: Bearer <token>`, `Accept-Encoding: gzip, deflate` and a
/// fresh `X-Request-ID`. A non-2xx answer throws
/// ``SyncTransportError/server(status:response:)`` carrying the server's
/// ``FieldbookProtocol/ErrorResponse``; no answer throws
/// ``SyncTransportError/unreachable(url:reason:)``.
///
/// ```swift
/// let login = try await URLSessionSyncTransport.login(
///     server: URL(string: "https://crm.example.com")!,
///     request: LoginRequest(login: "anna", password: password, deviceName: "notebook", replica: database.replicaID)
/// )
/// let transport = URLSessionSyncTransport(baseURL: URL(string: "https://crm.example.com")!, token: login.token)
/// try await SyncEngine(database: database, transport: transport).sync()
/// ```
public struct URLSessionSyncTransport: SyncTransport {
    /// The server's base URL (scheme, host, port, optional path prefix).
    public let baseURL: URL
    /// The device's bearer token.
    public let token: String
    /// Seconds before a request is given up.
    public let timeout: TimeInterval
    private let session: URLSession
    private let codec: WireCodec

    /// Creates a transport.
    /// - Parameters:
    ///   - baseURL: e.g. `https://crm.example.com` or `http://127.0.0.1:8080`.
    ///   - token: the bearer token from ``login(server:request:session:)``.
    ///   - timeout: per-request timeout in seconds.
    ///   - session: the URL session (a shared ephemeral one by default).
    public init(baseURL: URL, token: String, timeout: TimeInterval = 60, session: URLSession = .shared) {
        self.baseURL = baseURL
        self.token = token
        self.timeout = timeout
        self.session = session
        self.codec = WireCodec()
    }

    public func send(_ request: SyncRequest) async throws -> SyncResponse {
        switch request {
        case .push(let push):
            let body = try codec.encode(push)
            let data = try await Self.post(body, to: SyncEndpoint.push.path, base: baseURL, token: token, timeout: timeout, session: session)
            return .push(try Self.decode(PushResponse.self, from: data, codec: codec))
        case .pull(let pull):
            let body = try codec.encode(pull)
            let data = try await Self.post(body, to: SyncEndpoint.pull.path, base: baseURL, token: token, timeout: timeout, session: session)
            return .pull(try Self.decode(PullResponse.self, from: data, codec: codec))
        }
    }

    /// Signs in (`POST /v1/auth/login`) and returns the device token.
    /// - Throws: ``SyncTransportError`` (`unauthenticated` for a wrong
    ///   password, `forbidden` for a replica of another user's device).
    public static func login(server: URL, request: LoginRequest, session: URLSession = .shared) async throws
        -> LoginResponse
    {
        let codec = WireCodec()
        let data = try await post(
            try codec.encode(request), to: AuthEndpoint.login.path, base: server, token: nil, timeout: 30, session: session
        )
        return try decode(LoginResponse.self, from: data, codec: codec)
    }

    /// Revokes the device token (`POST /v1/auth/logout`).
    public static func logout(server: URL, token: String, session: URLSession = .shared) async throws {
        _ = try await post(nil, to: AuthEndpoint.logout.path, base: server, token: token, timeout: 30, session: session)
    }

    /// The URL of `path` under `base` (keeping a path prefix of `base`).
    static func endpoint(_ path: String, base: URL) -> URL {
        var text = base.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        return URL(string: text + path) ?? base.appendingPathComponent(path)
    }

    /// POSTs `body` and returns the 2xx body, or throws ``SyncTransportError``.
    static func post(
        _ body: Data?, to path: String, base: URL, token: String?, timeout: TimeInterval, session: URLSession
    ) async throws -> Data {
        let url = endpoint(path, base: base)
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        request.setValue("gzip, deflate", forHTTPHeaderField: "Accept-Encoding")
        request.setValue(UUID().uuidString.lowercased(), forHTTPHeaderField: "X-Request-ID")
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        request.httpBody = body ?? Data()
        let (data, response) = try await perform(request, session: session)
        let status = response.statusCode
        guard (200..<300).contains(status) else {
            let decoded = try? WireCodec().decode(ErrorResponse.self, from: data)
            let fallback = ErrorResponse(
                error: SyncTransportError.code(forStatus: status), message: "HTTP \(status) without an error body"
            )
            throw SyncTransportError.server(status: status, response: decoded ?? fallback)
        }
        return data
    }

    private static func perform(_ request: URLRequest, session: URLSession) async throws -> (Data, HTTPURLResponse) {
        let url = request.url?.absoluteString ?? "?"
        return try await withCheckedThrowingContinuation { continuation in
            let task = session.dataTask(with: request) { data, response, error in
                if let error {
                    continuation.resume(throwing: SyncTransportError.unreachable(url: url, reason: error.localizedDescription))
                } else if let http = response as? HTTPURLResponse {
                    continuation.resume(returning: (data ?? Data(), http))
                } else {
                    continuation.resume(throwing: SyncTransportError.unreachable(url: url, reason: "no HTTP response"))
                }
            }
            task.resume()
        }
    }

    private static func decode<T: Decodable>(_ type: T.Type, from data: Data, codec: WireCodec) throws -> T {
        do {
            return try codec.decode(type, from: data)
        } catch {
            throw SyncTransportError.malformedResponse(status: 200, reason: "\(T.self): \(error)")
        }
    }
}
