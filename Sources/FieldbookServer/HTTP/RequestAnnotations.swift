import FieldbookServerCore
import Foundation

/// What a request's handlers learned that the access log and metrics need
/// after the response: the authenticated device. Shared by reference between
/// copies of a ``FieldbookRequestContext``.
public final class RequestAnnotations: @unchecked Sendable {
    private let lock = NSLock()
    private var _identity: AuthenticatedDevice?

    /// Creates an empty box.
    public init() {}

    /// The authenticated device, once known.
    public var identity: AuthenticatedDevice? {
        get { lock.withLock { _identity } }
        set { lock.withLock { _identity = newValue } }
    }
}
