/// Stable, machine-readable error codes: the `error` of an ``ErrorResponse``
/// and the `code` of a rejected ``ChangeResult``.
///
/// Codes are snake_case strings and never change meaning. New codes may be
/// added without a protocol version bump, so a receiver decodes a code it
/// does not know as ``unrecognized(_:)`` and treats it generically: a
/// request-level code by its HTTP status, a change-level code as a final
/// rejection. The table in `Protocol/SYNC.md`, "Errors", is normative.
///
/// ```swift
/// switch response.error {
/// case .cursorExpired, .replicaRetired: try await resync()
/// case .rateLimited, .unavailable: try await backOff()
/// default: throw response
/// }
/// ```
public enum WireErrorCode: Hashable, Sendable, CustomStringConvertible {
    // MARK: Request-level codes (the whole request failed; nothing was applied)

    /// The body is not well-formed JSON (or not UTF-8).
    case malformedJSON
    /// Well-formed JSON that is not a valid message of the endpoint's type.
    case invalidRequest
    /// The (decompressed) body exceeds the receiver's byte limit.
    case bodyTooLarge
    /// The body nests arrays/objects deeper than the receiver's limit.
    case nestingTooDeep
    /// The body holds more JSON values than the receiver's limit.
    case tooManyElements
    /// A push carries more changes than the server accepts in one request.
    case batchTooLarge
    /// The request's `protocolVersion` is not served; upgrade the client.
    case unsupportedProtocolVersion
    /// The request's `schemaVersion` is no longer (or not yet) served; upgrade the client.
    case unsupportedSchemaVersion
    /// The `Content-Type` is not `application/json`.
    case unsupportedMediaType
    /// The `Content-Encoding` is not `identity`, `gzip` or `deflate`.
    case unsupportedEncoding
    /// No valid credentials.
    case unauthenticated
    /// Authenticated, but not allowed: the replica ID belongs to another device,
    /// the device was revoked, or (per change) the user may not write this.
    case forbidden
    /// The replica was retired from the stability frontier; run the re-sync procedure.
    case replicaRetired
    /// The cursor is not one this server issued to this replica.
    case invalidCursor
    /// The log before the cursor was compacted away; run the re-sync procedure.
    case cursorExpired
    /// Another push for the same replica is in progress; retry after it finishes.
    case concurrentPush
    /// Too many requests; retry after the `Retry-After` delay.
    case rateLimited
    /// Unknown endpoint (or, in the office REST API, unknown record).
    case notFound
    /// The endpoint exists but not for this HTTP method; the `Allow` header lists the methods.
    case methodNotAllowed
    /// The request body did not arrive within the server's read timeout.
    case requestTimeout
    /// Office REST API: a create names a record ID that is already taken.
    case alreadyExists
    /// Office REST API: `If-Match` names another version than the record's current one.
    case versionMismatch
    /// An unexpected server failure; retry with backoff.
    case internalError
    /// The server is temporarily unavailable; retry after the `Retry-After` delay.
    case unavailable

    // MARK: Change-level codes (one change rejected; the rest of the batch applied)

    /// The change breaks a structural rule (no ops, a slot twice, covers on a non-delete, …).
    case invalidChange
    /// The change's dot belongs to another replica than the pusher.
    case foreignDot
    /// An earlier counter of this replica has not been pushed yet; not recorded, push it first.
    case counterGap
    /// The server already holds a different change with this dot.
    case dotReused
    /// The change's time lies more than the drift bound ahead of the server's clock.
    case clockDrift
    /// The entity type is unknown in the client's schema version.
    case unknownEntity
    /// A slot names a field the entity does not have in the client's schema version.
    case unknownField
    /// A value has the wrong type, enum case, format or range.
    case invalidValue
    /// A reference points to a record that does not exist or cannot be referenced.
    case invalidReference
    /// A business rule refused the change (e.g. reopening a won opportunity).
    case businessRule
    /// The record is not in the replica's scope.
    case outOfScope
    /// The record was deleted and purged by compaction; the edit cannot be merged.
    case recordPurged
    /// A `supersedes` or `covers` dot was never delivered to this replica.
    case unknownDot

    /// A code this version of the module does not know.
    case unrecognized(String)

    /// Every code this module knows, request-level first.
    public static let allKnown: [WireErrorCode] = requestLevel + changeLevel.filter { $0 != .forbidden }

    /// Codes used in ``ErrorResponse`` bodies.
    public static let requestLevel: [WireErrorCode] = [
        .malformedJSON, .invalidRequest, .bodyTooLarge, .nestingTooDeep, .tooManyElements, .batchTooLarge,
        .unsupportedProtocolVersion, .unsupportedSchemaVersion, .unsupportedMediaType, .unsupportedEncoding,
        .unauthenticated, .forbidden, .replicaRetired, .invalidCursor, .cursorExpired, .concurrentPush,
        .rateLimited, .notFound, .methodNotAllowed, .requestTimeout, .alreadyExists, .versionMismatch,
        .internalError, .unavailable,
    ]

    /// Codes used in rejected ``ChangeResult``s.
    public static let changeLevel: [WireErrorCode] = [
        .invalidChange, .foreignDot, .counterGap, .dotReused, .clockDrift, .unknownEntity, .unknownField,
        .invalidValue, .invalidReference, .businessRule, .forbidden, .outOfScope, .recordPurged, .unknownDot,
    ]

    /// The snake_case wire form.
    public var rawValue: String {
        switch self {
        case .malformedJSON: "malformed_json"
        case .invalidRequest: "invalid_request"
        case .bodyTooLarge: "body_too_large"
        case .nestingTooDeep: "nesting_too_deep"
        case .tooManyElements: "too_many_elements"
        case .batchTooLarge: "batch_too_large"
        case .unsupportedProtocolVersion: "unsupported_protocol_version"
        case .unsupportedSchemaVersion: "unsupported_schema_version"
        case .unsupportedMediaType: "unsupported_media_type"
        case .unsupportedEncoding: "unsupported_encoding"
        case .unauthenticated: "unauthenticated"
        case .forbidden: "forbidden"
        case .replicaRetired: "replica_retired"
        case .invalidCursor: "invalid_cursor"
        case .cursorExpired: "cursor_expired"
        case .concurrentPush: "concurrent_push"
        case .rateLimited: "rate_limited"
        case .notFound: "not_found"
        case .methodNotAllowed: "method_not_allowed"
        case .requestTimeout: "request_timeout"
        case .alreadyExists: "already_exists"
        case .versionMismatch: "version_mismatch"
        case .internalError: "internal_error"
        case .unavailable: "unavailable"
        case .invalidChange: "invalid_change"
        case .foreignDot: "foreign_dot"
        case .counterGap: "counter_gap"
        case .dotReused: "dot_reused"
        case .clockDrift: "clock_drift"
        case .unknownEntity: "unknown_entity"
        case .unknownField: "unknown_field"
        case .invalidValue: "invalid_value"
        case .invalidReference: "invalid_reference"
        case .businessRule: "business_rule"
        case .outOfScope: "out_of_scope"
        case .recordPurged: "record_purged"
        case .unknownDot: "unknown_dot"
        case .unrecognized(let code): code
        }
    }

    /// Parses a wire code; unknown codes become ``unrecognized(_:)``.
    public init(rawValue: String) {
        self = WireErrorCode.byRawValue[rawValue] ?? .unrecognized(rawValue)
    }

    private static let byRawValue: [String: WireErrorCode] = Dictionary(
        uniqueKeysWithValues: allKnown.map { ($0.rawValue, $0) }
    )

    /// The HTTP status a server answers with for a request-level code; nil
    /// for codes that only occur per change and for unrecognized codes.
    public var httpStatus: Int? {
        switch self {
        case .malformedJSON, .invalidRequest, .nestingTooDeep, .unsupportedProtocolVersion,
            .unsupportedSchemaVersion, .invalidCursor:
            400
        case .unauthenticated: 401
        case .forbidden: 403
        case .notFound: 404
        case .methodNotAllowed: 405
        case .requestTimeout: 408
        case .replicaRetired, .concurrentPush, .alreadyExists: 409
        case .versionMismatch: 412
        case .cursorExpired: 410
        case .bodyTooLarge, .tooManyElements, .batchTooLarge: 413
        case .unsupportedMediaType, .unsupportedEncoding: 415
        case .rateLimited: 429
        case .internalError: 500
        case .unavailable: 503
        default: nil
        }
    }

    /// Whether retrying the same request later can succeed without changing it.
    public var isRetryable: Bool {
        switch self {
        case .concurrentPush, .requestTimeout, .rateLimited, .internalError, .unavailable: true
        default: false
        }
    }

    public var description: String { rawValue }
}

extension WireErrorCode: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
