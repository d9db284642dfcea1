import FieldbookProtocol

/// Why an HTTP request to the Fieldbook server failed. Messages carry
/// codes, statuses and URLs, never request or response bodies.
public enum SyncTransportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The server answered with a non-2xx status. `response` is its error
    /// body (SYNC.md §13); when the body was not an error object, a
    /// response with the code implied by `status` is synthesised.
    case server(status: Int, response: ErrorResponse)
    /// The server could not be reached (no network, refused, timed out, TLS).
    case unreachable(url: String, reason: String)
    /// A 2xx answer whose body could not be decoded.
    case malformedResponse(status: Int, reason: String)

    /// The server's error body, for ``server(status:response:)``.
    public var errorResponse: ErrorResponse? {
        if case .server(_, let response) = self { return response }
        return nil
    }

    /// The HTTP status, when the server answered.
    public var status: Int? {
        switch self {
        case .server(let status, _), .malformedResponse(let status, _): status
        case .unreachable: nil
        }
    }

    /// Whether the failure means the server or network is down (retry later
    /// unchanged): unreachable, 5xx, 429 or a retryable code.
    public var isOffline: Bool {
        switch self {
        case .unreachable: true
        case .server(let status, let response): status >= 500 || status == 429 || response.error.isRetryable
        case .malformedResponse: false
        }
    }

    /// Whether signing in again is the remedy (401 `unauthenticated`).
    public var isUnauthenticated: Bool { errorResponse?.error == .unauthenticated }

    public var description: String {
        switch self {
        case .server(let status, let response):
            let request = response.requestID.map { ", request \($0)" } ?? ""
            return "server answered \(status) \(response.error.rawValue): \(response.message)\(request)"
        case .unreachable(let url, let reason): return "cannot reach \(url): \(reason)"
        case .malformedResponse(let status, let reason): return "unreadable server answer (HTTP \(status)): \(reason)"
        }
    }

    /// The code a bare HTTP status implies (a proxy's page instead of an error body).
    static func code(forStatus status: Int) -> WireErrorCode {
        switch status {
        case 401: .unauthenticated
        case 403: .forbidden
        case 404: .notFound
        case 409: .concurrentPush
        case 410: .cursorExpired
        case 413: .bodyTooLarge
        case 415: .unsupportedMediaType
        case 429: .rateLimited
        case 503: .unavailable
        case 500...: .internalError
        default: .invalidRequest
        }
    }
}
