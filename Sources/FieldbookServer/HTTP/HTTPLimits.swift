import FieldbookProtocol

/// The request limits and response settings every JSON route uses; the app
/// builder copies them from ``FieldbookServerConfiguration`` into
/// ``ServerServices/http`` before registering routes.
public struct HTTPLimits: Hashable, Sendable {
    /// Largest request body in bytes, after decompression.
    public var maxBodyBytes: Int
    /// Deepest JSON nesting and most JSON values (the body limit is ``maxBodyBytes``).
    public var wire: WireLimits
    /// Longest time to receive a request body.
    public var bodyReadTimeout: Duration
    /// Responses larger than this are compressed when the client accepts it.
    public var compressionThreshold: Int
    /// Most sync requests in flight at once (``SyncAdmission``).
    public var maxSyncRequests: Int

    /// Creates limits; the defaults match ``FieldbookServerConfiguration``'s.
    public init(
        maxBodyBytes: Int = 16 << 20, wire: WireLimits = .default, bodyReadTimeout: Duration = .seconds(30),
        compressionThreshold: Int = 1024, maxSyncRequests: Int = 512
    ) {
        self.maxBodyBytes = maxBodyBytes
        self.wire = wire
        self.bodyReadTimeout = bodyReadTimeout
        self.compressionThreshold = compressionThreshold
        self.maxSyncRequests = maxSyncRequests
    }
}

extension ServerServices {
    /// Reads JSON request bodies under ``http`` (content type, encoding, size, deadline).
    ///
    /// Route handlers: `let body = try await services.bodyReader.read(request)`.
    var bodyReader: RequestBodyReader {
        RequestBodyReader(maxBodyBytes: http.maxBodyBytes, timeout: http.bodyReadTimeout)
    }

    /// Decodes bodies with the depth/count limits of ``http``:
    /// `try services.codec.decode(LoginRequest.self, from: body)`.
    var codec: WireCodec {
        var limits = http.wire
        limits.maxBodyBytes = http.maxBodyBytes
        return WireCodec(limits: limits)
    }

    /// Builds JSON responses, compressed when worthwhile:
    /// `return try services.responder.json(response, request: request)`.
    var responder: JSONResponder {
        JSONResponder(compressionThreshold: http.compressionThreshold)
    }
}
