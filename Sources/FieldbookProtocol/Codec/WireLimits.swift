/// Bounds a ``WireCodec`` enforces before it decodes a body, so that hostile
/// or broken input costs at most one linear scan.
///
/// The protocol's minima (`Protocol/SYNC.md`, "Limits") say what every
/// receiver must accept: 8 MiB, depth 16, 250 000 values. The defaults here
/// are the recommended configuration, comfortably above them.
///
/// ```swift
/// let codec = WireCodec(limits: WireLimits(maxBodyBytes: 4 << 20))
/// ```
public struct WireLimits: Hashable, Sendable {
    /// Largest body, in bytes after decompression.
    public var maxBodyBytes: Int
    /// Deepest nesting of arrays and objects (a bare scalar has depth 0, `[]` depth 1).
    public var maxDepth: Int
    /// Most JSON values (objects, arrays, strings, numbers, literals; keys not counted).
    public var maxElements: Int

    /// Creates limits; each defaults to the recommended value.
    public init(maxBodyBytes: Int = 16 << 20, maxDepth: Int = 32, maxElements: Int = 1_000_000) {
        self.maxBodyBytes = maxBodyBytes
        self.maxDepth = maxDepth
        self.maxElements = maxElements
    }

    /// The recommended limits: 16 MiB, depth 32, 1 000 000 values.
    public static let `default` = WireLimits()

    /// The protocol's minima: every conforming receiver accepts at least this much,
    /// and no conforming sender sends more.
    public static let protocolMinimum = WireLimits(maxBodyBytes: 8 << 20, maxDepth: 16, maxElements: 250_000)
}

/// Which of the ``WireLimits`` a body exceeded.
public enum WireLimit: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// ``WireLimits/maxBodyBytes``.
    case bodyBytes = "maxBodyBytes"
    /// ``WireLimits/maxDepth``.
    case nestingDepth = "maxDepth"
    /// ``WireLimits/maxElements``.
    case elementCount = "maxElements"

    public var description: String { rawValue }

    /// The wire error code a server answers with.
    public var errorCode: WireErrorCode {
        switch self {
        case .bodyBytes: .bodyTooLarge
        case .nestingDepth: .nestingTooDeep
        case .elementCount: .tooManyElements
        }
    }
}

/// What a scan learned about a well-formed body.
public struct JSONShape: Hashable, Sendable {
    /// Body size in bytes.
    public var bytes: Int
    /// Deepest nesting reached.
    public var depth: Int
    /// Number of JSON values.
    public var elements: Int
}
