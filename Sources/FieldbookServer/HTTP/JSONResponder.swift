import CompressNIO
import FieldbookProtocol
import Foundation
import Hummingbird
import NIOCore

/// Builds responses: JSON bodies from wire messages, compressed with gzip or
/// deflate when the body passes the threshold and `Accept-Encoding` allows it
/// (SYNC.md §12).
struct JSONResponder: Sendable {
    /// Bodies larger than this are compressed when the client accepts it.
    var compressionThreshold: Int
    /// The codec answers are encoded with.
    var codec = WireCodec()

    /// A `200`-like response carrying `value` as JSON.
    func json(_ value: some Encodable, status: HTTPResponse.Status = .ok, request: Request) throws -> Response {
        let data: Data
        do {
            data = try codec.encode(value)
        } catch {
            throw APIError(.internalError, "the answer could not be encoded")
        }
        return body(ByteBuffer(bytes: data), contentType: "application/json", status: status, request: request)
    }

    /// A response with `buffer` as body, compressed when worthwhile.
    func body(_ buffer: ByteBuffer, contentType: String, status: HTTPResponse.Status = .ok, request: Request?) -> Response {
        var headers: HTTPFields = [.contentType: contentType]
        var buffer = buffer
        if buffer.readableBytes > compressionThreshold, let request,
            let encoding = Self.preferredEncoding(request.headers[.acceptEncoding])
        {
            var source = buffer
            if let compressed = try? source.compress(with: encoding.algorithm) {
                buffer = compressed
                headers[.contentEncoding] = encoding.rawValue
            }
        }
        headers[.vary] = "Accept-Encoding"
        headers[.contentLength] = String(buffer.readableBytes)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: buffer))
    }

    /// gzip or deflate if `Accept-Encoding` allows either (gzip preferred; `q=0` refuses).
    static func preferredEncoding(_ header: String?) -> BodyEncoding? {
        guard let header else { return nil }
        var accepted: Set<String> = []
        for item in header.split(separator: ",") {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let name = parts.first, !name.isEmpty else { continue }
            let refused = parts.dropFirst().contains { $0.hasPrefix("q=") && Double($0.dropFirst(2)) == 0 }
            if !refused { accepted.insert(name) }
        }
        if accepted.contains("gzip") || accepted.contains("x-gzip") { return .gzip }
        if accepted.contains("deflate") { return .deflate }
        return nil
    }
}
