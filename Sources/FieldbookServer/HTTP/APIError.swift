import FieldbookProtocol
import Hummingbird

/// A request-level failure the HTTP layer answers with an ``ErrorResponse``.
///
/// Messages name limits, headers, routes and IDs; never record data.
public struct APIError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The wire code.
    public var code: WireErrorCode
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// Human-readable explanation.
    public var message: String
    /// Extra response headers (`Allow` on 405).
    public var headers: [String: String]

    /// Creates an error; the status defaults to the code's (500 for codes without one).
    public init(_ code: WireErrorCode, _ message: String, status: HTTPResponse.Status? = nil, headers: [String: String] = [:]) {
        self.code = code
        self.status = status ?? HTTPResponse.Status(code: code.httpStatus ?? 500)
        self.message = message
        self.headers = headers
    }

    public var description: String { "\(status.code) \(code.rawValue): \(message)" }

    /// The body to send.
    public func body(requestID: String) -> ErrorResponse {
        ErrorResponse(error: code, message: message, requestID: requestID.isEmpty ? nil : requestID)
    }

    /// Missing or invalid bearer token.
    public static let unauthenticated = APIError(
        .unauthenticated, "a valid bearer token is required (Authorization: Bearer <token>)",
        headers: ["WWW-Authenticate": "Bearer"]
    )
}
