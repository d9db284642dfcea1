import Foundation

/// Encodes and decodes sync messages as JSON, the way `Protocol/SYNC.md` specifies.
///
/// Encoding is canonical: object keys sorted, `/` not escaped, non-ASCII
/// written as UTF-8, no insignificant whitespace (unless ``prettyPrinted``).
/// Decoding first runs a linear pre-scan that checks syntax, UTF-8 and the
/// ``WireLimits`` (body size, nesting depth, value count) and only then hands
/// the bytes to `JSONDecoder`, so hostile bodies fail fast with a typed
/// ``WireCodecError`` naming what was exceeded.
///
/// ```swift
/// let codec = WireCodec()
/// let request = try codec.decode(PushRequest.self, from: body)
/// let reply = try codec.encode(PushResponse(results: results, serverTime: now))
/// ```
public struct WireCodec: Sendable {
    /// The limits enforced before decoding.
    public var limits: WireLimits
    /// Whether ``encode(_:)`` indents its output (examples, debugging); off on the wire.
    public var prettyPrinted: Bool

    /// Creates a codec.
    public init(limits: WireLimits = .default, prettyPrinted: Bool = false) {
        self.limits = limits
        self.prettyPrinted = prettyPrinted
    }

    /// Encodes `value` as canonical JSON.
    /// - Throws: ``WireCodecError/encodingFailed(reason:)``.
    public func encode(_ value: some Encodable) throws(WireCodecError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            prettyPrinted ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(value)
        } catch let error as EncodingError {
            if case .invalidValue(_, let context) = error {
                throw .encodingFailed(reason: context.debugDescription)
            }
            throw .encodingFailed(reason: "encoding error")
        } catch {
            throw .encodingFailed(reason: "\(type(of: error))")
        }
    }

    /// Checks a body against the limits and JSON syntax without decoding it.
    /// - Throws: ``WireCodecError/limitExceeded(_:limit:)`` or ``WireCodecError/malformedJSON(offset:reason:)``.
    @discardableResult
    public func scan(_ body: Data) throws(WireCodecError) -> JSONShape {
        if body.count > limits.maxBodyBytes { throw .limitExceeded(.bodyBytes, limit: limits.maxBodyBytes) }
        let limits = self.limits
        let result: Result<JSONShape, WireCodecError> = body.withUnsafeBytes { raw in
            Result { () throws(WireCodecError) -> JSONShape in
                try JSONPreScanner.scan(raw.bindMemory(to: UInt8.self), limits: limits)
            }
        }
        return try result.get()
    }

    /// Checks a body given as bytes; see the `Data` overload.
    @discardableResult
    public func scan(_ body: [UInt8]) throws(WireCodecError) -> JSONShape {
        try scan(Data(body))
    }

    /// Decodes a message after checking the body against the limits.
    /// - Throws: ``WireCodecError``: a limit, malformed JSON, or JSON that is
    ///   not a valid `T` (with the coding path of the first problem).
    public func decode<T: Decodable>(_ type: T.Type, from body: Data) throws(WireCodecError) -> T {
        try scan(body)
        do {
            return try JSONDecoder().decode(type, from: body)
        } catch let error as DecodingError {
            throw WireCodec.describe(error)
        } catch {
            throw .invalidMessage(path: "", reason: "\(Swift.type(of: error))")
        }
    }

    /// Decodes a message given as bytes; see the `Data` overload.
    public func decode<T: Decodable>(_ type: T.Type, from body: [UInt8]) throws(WireCodecError) -> T {
        try decode(type, from: Data(body))
    }

    private static func describe(_ error: DecodingError) -> WireCodecError {
        switch error {
        case .keyNotFound(let key, let context):
            .invalidMessage(path: path(context.codingPath), reason: "missing member \"\(key.stringValue)\"")
        case .typeMismatch(let type, let context):
            .invalidMessage(path: path(context.codingPath), reason: "expected \(type)")
        case .valueNotFound(let type, let context):
            .invalidMessage(path: path(context.codingPath), reason: "expected \(type), found null")
        case .dataCorrupted(let context):
            .invalidMessage(path: path(context.codingPath), reason: context.debugDescription)
        @unknown default:
            .invalidMessage(path: "", reason: "undecodable")
        }
    }

    /// Renders a coding path as `changes[3].ops[0].slot`.
    static func path(_ codingPath: [any CodingKey]) -> String {
        var result = ""
        for key in codingPath {
            if let index = key.intValue {
                result += "[\(index)]"
            } else {
                result += result.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return result
    }
}
