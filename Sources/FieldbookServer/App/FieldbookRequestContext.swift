import FieldbookServerCore
import Hummingbird

/// The per-request context of every Fieldbook route: Hummingbird's core
/// storage plus the authenticated device and the request ID.
public struct FieldbookRequestContext: RequestContext {
    /// Hummingbird's storage (logger, allocator, parameters).
    public var coreContext: CoreRequestContextStorage
    /// The device behind the bearer token, once authentication ran.
    public var identity: AuthenticatedDevice?
    /// The request ID (from `X-Request-ID` or generated), echoed in errors and logs.
    public var requestID: String
    /// Facts inner middleware and handlers report to the outer request log
    /// line (the context is a value, so they go through this shared box).
    public let annotations: RequestAnnotations

    /// Creates a context for a new request.
    public init(source: Source) {
        coreContext = .init(source: source)
        identity = nil
        requestID = ""
        annotations = RequestAnnotations()
    }
}
