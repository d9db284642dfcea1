import FieldbookProtocol

/// A request-level failure of a push or pull (SYNC.md §13): nothing was
/// decided. The HTTP layer answers with ``code``'s status and
/// ``errorResponse(requestID:)`` as the body.
///
/// Messages name versions, limits and positions, never record data.
///
/// ```swift
/// catch let error as SyncServiceError {
///     return Response(status: error.code.httpStatus ?? 500, body: error.errorResponse(requestID: id))
/// }
/// ```
public struct SyncServiceError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The request-level code, e.g. ``WireErrorCode/cursorExpired``.
    public var code: WireErrorCode
    /// A human-readable explanation.
    public var message: String

    /// Creates an error.
    public init(_ code: WireErrorCode, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The error body to send.
    public func errorResponse(requestID: String? = nil) -> ErrorResponse {
        ErrorResponse(error: code, message: message, requestID: requestID)
    }

    public var description: String { "\(code.rawValue): \(message)" }

    /// The request is well-formed JSON but breaks a message rule.
    public static func invalidRequest(_ message: String) -> SyncServiceError { SyncServiceError(.invalidRequest, message) }

    /// The cursor was not issued by this deployment to this replica.
    public static func invalidCursor(_ message: String) -> SyncServiceError { SyncServiceError(.invalidCursor, message) }

    /// The log the cursor points into was compacted away.
    public static let cursorExpired = SyncServiceError(
        .cursorExpired,
        "the log before this cursor has been compacted; push pending changes, then pull without a cursor"
    )

    /// The replica was retired from the stability frontier.
    public static let replicaRetired = SyncServiceError(
        .replicaRetired, "this replica was retired; push pending changes, then pull without a cursor"
    )
}
