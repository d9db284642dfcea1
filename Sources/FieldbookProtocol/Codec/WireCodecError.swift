/// Why a ``WireCodec`` refused a body or a value.
///
/// Descriptions name the limit, offset or coding path involved but never
/// echo body content, so they are safe to log and to send back in an
/// ``ErrorResponse`` (see ``errorCode``).
public enum WireCodecError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The body exceeds `limit` for the named ``WireLimit``; nothing was decoded.
    case limitExceeded(WireLimit, limit: Int)
    /// The body is not well-formed UTF-8 JSON; `offset` is the byte where scanning stopped.
    case malformedJSON(offset: Int, reason: String)
    /// Well-formed JSON that is not a valid message: `path` is the coding path
    /// (e.g. `changes[3].ops[0].slot`), `reason` what is wrong there.
    case invalidMessage(path: String, reason: String)
    /// A value could not be encoded.
    case encodingFailed(reason: String)

    /// The wire error code a server answers with.
    public var errorCode: WireErrorCode {
        switch self {
        case .limitExceeded(let limit, _): limit.errorCode
        case .malformedJSON: .malformedJSON
        case .invalidMessage: .invalidRequest
        case .encodingFailed: .internalError
        }
    }

    /// An ``ErrorResponse`` describing this error.
    public func response(requestID: String? = nil) -> ErrorResponse {
        ErrorResponse(error: errorCode, message: description, requestID: requestID)
    }

    public var description: String {
        switch self {
        case .limitExceeded(let which, let limit):
            "body exceeds \(which) (\(limit))"
        case .malformedJSON(let offset, let reason):
            "malformed JSON at byte \(offset): \(reason)"
        case .invalidMessage(let path, let reason):
            path.isEmpty ? "invalid message: \(reason)" : "invalid message at \(path): \(reason)"
        case .encodingFailed(let reason):
            "cannot encode: \(reason)"
        }
    }
}
