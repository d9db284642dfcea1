import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import HTTPTypes
import Hummingbird

/// A refused office REST request: the HTTP status, the wire code and a
/// message that names fields, limits and IDs but never field values.
///
/// The handlers turn it into an ``FieldbookProtocol/ErrorResponse`` body with
/// the request ID (see ``RecordHTTP/errorResponse(_:requestID:)``).
///
/// | situation | status | code |
/// |---|---|---|
/// | no identity | 401 | `unauthenticated` |
/// | role may not read or write | 403 | `forbidden` |
/// | unknown entity, absent/deleted/purged/out-of-scope record | 404 | `not_found` |
/// | not JSON | 400 | `malformed_json` |
/// | JSON of the wrong shape, bad query or ID | 400 | `invalid_request` |
/// | client-supplied ID already taken | 409 | `already_exists` |
/// | `If-Match` does not match | 412 | `version_mismatch` |
/// | value, field, reference or business rule refused | 422 | `invalid_value`, `unknown_field`, `invalid_reference`, `business_rule`, `invalid_change` |
struct RecordAPIError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The HTTP status.
    var status: HTTPResponse.Status
    /// The machine-readable code.
    var code: WireErrorCode
    /// What went wrong, without customer data.
    var message: String

    init(_ status: HTTPResponse.Status, _ code: WireErrorCode, _ message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    var description: String { "\(status.code) \(code.rawValue): \(message)" }

    static let unauthenticated = RecordAPIError(.unauthorized, .unauthenticated, "a valid bearer token is required")

    static func notFound(_ message: String) -> RecordAPIError { RecordAPIError(.notFound, .notFound, message) }

    static func invalidRequest(_ message: String) -> RecordAPIError {
        RecordAPIError(.badRequest, .invalidRequest, message)
    }

    static func forbidden(_ message: String) -> RecordAPIError { RecordAPIError(.forbidden, .forbidden, message) }

    /// 422 for a value that does not fit its field's JSON type.
    static func invalidValue(_ error: RecordJSONError) -> RecordAPIError {
        RecordAPIError(.unprocessableContent, .invalidValue, error.description)
    }

    /// 422 for a field the entity does not have. Names that are not valid
    /// field names are not echoed (they could be anything).
    static func unknownField(_ name: String, entity: String) -> RecordAPIError {
        let shown = Field.isValidName(name) ? "field \(name)" : "a field name that is not valid"
        return RecordAPIError(.unprocessableContent, .unknownField, "\(shown) is not a field of \(entity)")
    }

    /// The error for a change the sync service rejected: role refusals are
    /// 403, scope and purge refusals 404 (so IDs do not leak), schema and
    /// business-rule refusals 422, anything else 503 (retry).
    static func rejected(_ code: WireErrorCode, reason: String, record: String) -> RecordAPIError {
        switch code {
        case .forbidden:
            RecordAPIError(.forbidden, .forbidden, reason)
        case .outOfScope, .recordPurged, .unknownEntity:
            notFound("no record \(record)")
        case .invalidValue, .unknownField, .invalidReference, .businessRule, .invalidChange:
            RecordAPIError(.unprocessableContent, code, reason)
        default:
            RecordAPIError(.serviceUnavailable, .unavailable, "the change could not be stored (\(code.rawValue)); retry")
        }
    }

    /// The error for a ``SyncServiceError`` thrown while authoring.
    init(_ error: SyncServiceError) {
        let status = error.code.httpStatus.map { HTTPResponse.Status(code: $0) } ?? .internalServerError
        self.init(status, error.code, error.message)
    }
}
