import FieldbookProtocol
import Hummingbird
import Synchronization

/// Load shedding for the sync endpoints: at most `limit` pushes and pulls
/// are handled at once; one more is answered `503 unavailable` with
/// `Retry-After: 1` straight away.
///
/// Without it, an overloaded server queues requests until clients time out
/// while the queued bodies hold memory; with it, memory stays bounded and a
/// client learns at once that it should come back (SYNC.md §13:
/// `unavailable` is retryable; the CLI treats it like being offline and
/// keeps everything for the next sync).
final class SyncAdmission: RouterMiddleware, Sendable {
    typealias Context = FieldbookRequestContext

    /// Most requests handled at once.
    let limit: Int
    private let inFlight = Mutex(0)

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Requests being handled now.
    var current: Int { inFlight.withLock { $0 } }

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let admitted = inFlight.withLock { count in
            guard count < limit else { return false }
            count += 1
            return true
        }
        guard admitted else {
            // The error middleware adds `Retry-After: 1` to every `unavailable`.
            throw APIError(.unavailable, "the server is busy (\(limit) sync requests in progress); retry in a moment")
        }
        defer { inFlight.withLock { $0 -= 1 } }
        return try await next(request, context)
    }
}
