import CompressNIO
import FieldbookProtocol
import Foundation
import Hummingbird
import NIOCore

/// Reads a JSON request body under the server's limits (SYNC.md §12): checks
/// `Content-Type` and `Content-Encoding`, collects at most `maxBodyBytes`
/// within a deadline, and inflates gzip/deflate bodies while stopping as soon
/// as the inflated size passes the limit (decompression bombs).
struct RequestBodyReader: Sendable {
    /// Largest body, compressed or decompressed.
    var maxBodyBytes: Int
    /// Longest time to receive the body.
    var timeout: Duration

    /// The body's bytes, decompressed.
    /// - Throws: ``APIError`` with `unsupported_media_type`, `unsupported_encoding`,
    ///   `body_too_large`, `invalid_request` or `request_timeout`.
    func read(_ request: Request) async throws -> Data {
        try Self.checkContentType(request.headers[.contentType])
        let encoding = try Self.encoding(request.headers[.contentEncoding])
        if let length = request.headers[.contentLength].flatMap(Int.init), length > maxBodyBytes {
            throw tooLarge
        }
        var raw = try await collect(request.body)
        guard let encoding else { return Data(raw.readableBytesView) }
        return try inflate(&raw, encoding)
    }

    private var tooLarge: APIError {
        APIError(.bodyTooLarge, "the (decompressed) body exceeds \(maxBodyBytes) bytes")
    }

    /// Accepts `application/json` with optional parameters; anything else is 415.
    static func checkContentType(_ value: String?) throws(APIError) {
        guard let value else {
            throw APIError(.unsupportedMediaType, "Content-Type must be application/json (none given)")
        }
        let mediaType = value.split(separator: ";", maxSplits: 1).first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        guard mediaType == "application/json" else {
            throw APIError(.unsupportedMediaType, "Content-Type must be application/json, not \(value.prefix(64))")
        }
    }

    /// The decompression `Content-Encoding` asks for: nil for none/identity.
    static func encoding(_ value: String?) throws(APIError) -> BodyEncoding? {
        guard let value else { return nil }
        switch value.trimmingCharacters(in: .whitespaces).lowercased() {
        case "", "identity": return nil
        case "gzip", "x-gzip": return .gzip
        case "deflate": return .deflate
        default:
            throw APIError(
                .unsupportedEncoding, "Content-Encoding \(value.prefix(64)) is not supported; use gzip, deflate or none"
            )
        }
    }

    private func collect(_ body: RequestBody) async throws -> ByteBuffer {
        let limit = maxBodyBytes
        let timeout = timeout
        return try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
            group.addTask {
                var collected = ByteBuffer()
                for try await chunk in body {
                    guard collected.readableBytes + chunk.readableBytes <= limit else {
                        throw APIError(.bodyTooLarge, "the body exceeds \(limit) bytes")
                    }
                    collected.writeImmutableBuffer(chunk)
                }
                return collected
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let buffer = first else {
                throw APIError(
                    .requestTimeout, "the body did not arrive within \(timeout)", status: .requestTimeout
                )
            }
            return buffer
        }
    }

    private func inflate(_ raw: inout ByteBuffer, _ encoding: BodyEncoding) throws -> Data {
        let original = raw
        do {
            return try Data(Self.inflate(&raw, encoding.algorithm, limit: maxBodyBytes).readableBytesView)
        } catch let error as APIError {
            throw error
        } catch {
            // HTTP "deflate" means zlib (RFC 1950), but some clients send raw deflate.
            if encoding == .deflate {
                var retry = original
                do {
                    return Data(try Self.inflate(&retry, .deflate(), limit: maxBodyBytes).readableBytesView)
                } catch let error as APIError {
                    throw error
                } catch {}
            }
            throw APIError(.invalidRequest, "the \(encoding.rawValue) body cannot be decompressed (corrupt or truncated)")
        }
    }

    private static func inflate(_ raw: inout ByteBuffer, _ algorithm: CompressionAlgorithm, limit: Int) throws -> ByteBuffer {
        let decompressed: ByteBuffer
        do {
            decompressed = try raw.decompress(with: algorithm, maxSize: limit + 1)
        } catch let error as CompressNIOError where error == .bufferOverflow {
            throw APIError(.bodyTooLarge, "the decompressed body exceeds \(limit) bytes")
        }
        guard decompressed.readableBytes <= limit else {
            throw APIError(.bodyTooLarge, "the decompressed body exceeds \(limit) bytes")
        }
        guard raw.readableBytes == 0 else { throw CompressNIOError.corruptData }
        return decompressed
    }
}

/// A request body compression the server inflates.
enum BodyEncoding: String, Sendable {
    case gzip
    case deflate

    /// The CompressNIO algorithm (HTTP deflate is the zlib format).
    var algorithm: CompressionAlgorithm {
        switch self {
        case .gzip: .gzip()
        case .deflate: .zlib()
        }
    }
}
