/// The body of every non-2xx sync response.
///
/// ```json
/// {"error": "cursor_expired", "message": "the log before this cursor was compacted; re-sync",
///  "requestID": "01HZX3V6Q2M8D1"}
/// ```
///
/// Clients act on ``error`` and show or log ``message``; messages never carry
/// record data.
public struct ErrorResponse: Error, Hashable, Sendable, Codable {
    /// Stable machine-readable code.
    public var error: WireErrorCode
    /// Human-readable explanation.
    public var message: String
    /// The server's ID for the request, for support and log correlation.
    public var requestID: String?

    /// Creates an error body.
    public init(error: WireErrorCode, message: String, requestID: String? = nil) {
        self.error = error
        self.message = message
        self.requestID = requestID
    }
}
