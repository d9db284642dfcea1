import FieldbookModel
import FieldbookProtocol
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Reading JSON bodies and writing JSON responses for the office REST API.
enum RecordHTTP {
    /// Own bounds on request bodies, below whatever the HTTP layer allows:
    /// 1 MiB, nesting depth 8 (body → fields → list → item → member), 100,000 values.
    static let bodyLimits = WireLimits(maxBodyBytes: 1 << 20, maxDepth: 8, maxElements: 100_000)

    private static let codec = WireCodec(limits: bodyLimits)

    /// The body of `request` as a JSON object.
    /// - Throws: ``RecordAPIError``: 415 for a non-JSON content type, 413 for a
    ///   body over the limits, 400 `malformed_json`, 400 when it is no object.
    static func jsonObject(of request: Request) async throws -> [String: RecordJSONValue] {
        if let type = request.headers[.contentType], !type.lowercased().hasPrefix("application/json") {
            throw RecordAPIError(.unsupportedMediaType, .unsupportedMediaType, "the body must be application/json")
        }
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: bodyLimits.maxBodyBytes)
        } catch {
            throw RecordAPIError(.contentTooLarge, .bodyTooLarge, "the body exceeds \(bodyLimits.maxBodyBytes) bytes")
        }
        let bytes = buffer.getBytes(at: buffer.readerIndex, length: buffer.readableBytes) ?? []
        let json: RecordJSONValue
        do {
            json = try codec.decode(RecordJSONValue.self, from: bytes)
        } catch {
            let status: HTTPResponse.Status = error.errorCode.httpStatus.map { .init(code: $0) } ?? .badRequest
            throw RecordAPIError(status, error.errorCode, error.description)
        }
        guard let members = json.objectMembers else { throw RecordAPIError.invalidRequest("the body must be a JSON object") }
        return members
    }

    /// A JSON response with `status`, and any extra headers.
    static func json(
        _ value: RecordJSONValue, status: HTTPResponse.Status = .ok, headers extra: HTTPFields = [:]
    ) throws -> Response {
        let data = try codec.encode(value)
        var headers: HTTPFields = [.contentType: "application/json"]
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The error response for `error` (an ``ErrorResponse`` body).
    static func errorResponse(_ error: RecordAPIError, requestID: String) -> Response {
        let body = ErrorResponse(error: error.code, message: error.message, requestID: requestID.isEmpty ? nil : requestID)
        let data = (try? codec.encode(body)) ?? Data(#"{"error":"internal_error","message":"encoding failed"}"#.utf8)
        return Response(
            status: error.status, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data))
        )
    }

    /// The `ETag` of a record version: the quoted log position.
    static func etag(_ version: UInt64) -> String { "\"\(version)\"" }

    /// The version an `If-Match` header names (`"17"`, `17` or `W/"17"`); nil
    /// for no header or `*`.
    /// - Throws: 400 when the header is no version this API issued.
    static func expectedVersion(_ request: Request) throws -> UInt64? {
        guard var text = request.headers[.ifMatch]?.trimmingCharacters(in: .whitespaces), text != "*" else {
            return nil
        }
        if text.hasPrefix("W/") { text.removeFirst(2) }
        if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") { text = String(text.dropFirst().dropLast()) }
        guard let version = UInt64(text) else {
            throw RecordAPIError.invalidRequest("If-Match must name one version as returned in ETag")
        }
        return version
    }
}
