import FieldbookProtocol

/// A failure of an ``IdentityService`` operation.
///
/// Messages name logins, IDs and limits, never passwords, tokens or customer
/// data, so they are safe to show, log and send. Login failures are
/// deliberately uninformative: a wrong password, an unknown login and a
/// disabled user all give the same ``Kind/unauthenticated`` error.
public struct IdentityError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, which decides the wire code, HTTP status and exit code.
    public enum Kind: String, Hashable, Sendable {
        /// An argument or request field is not acceptable (empty, too long, unknown role…).
        case invalid
        /// A user, device, team, territory or account does not exist.
        case notFound
        /// The name, login or code is taken already.
        case conflict
        /// No valid credentials.
        case unauthenticated
        /// Authenticated (or credentials correct) but not allowed, e.g. a replica bound elsewhere.
        case forbidden
    }

    /// The kind of failure.
    public var kind: Kind
    /// A human-readable explanation (no secrets, no customer data).
    public var message: String

    /// Creates an error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The one answer to every failed login (no user enumeration).
    public static let loginFailed = IdentityError(.unauthenticated, "wrong login or password")

    /// The wire code for an ``ErrorResponse``.
    public var code: WireErrorCode {
        switch kind {
        case .invalid, .conflict: .invalidRequest
        case .notFound: .notFound
        case .unauthenticated: .unauthenticated
        case .forbidden: .forbidden
        }
    }

    /// The HTTP status to answer with.
    public var httpStatus: Int {
        switch kind {
        case .invalid: 400
        case .notFound: 404
        case .conflict: 409
        case .unauthenticated: 401
        case .forbidden: 403
        }
    }

    /// The exit status of an admin command failing with this error:
    /// 2 invalid input, 3 not found, 4 conflict, 5 unauthenticated/forbidden.
    public var exitCode: Int32 {
        switch kind {
        case .invalid: 2
        case .notFound: 3
        case .conflict: 4
        case .unauthenticated, .forbidden: 5
        }
    }

    /// The error body to send.
    public func errorResponse(requestID: String? = nil) -> ErrorResponse {
        ErrorResponse(error: code, message: message, requestID: requestID)
    }

    public var description: String { "\(kind.rawValue): \(message)" }
}
