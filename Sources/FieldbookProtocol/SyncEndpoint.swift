/// The sync HTTP endpoints. Both take and return JSON (`application/json`),
/// optionally compressed with `Content-Encoding: gzip` or `deflate`.
///
/// | endpoint | request body | 200 body | error body |
/// |---|---|---|---|
/// | `POST /v1/sync/push` | ``PushRequest`` | ``PushResponse`` | ``ErrorResponse`` |
/// | `POST /v1/sync/pull` | ``PullRequest`` | ``PullResponse`` | ``ErrorResponse`` |
public enum SyncEndpoint: String, Hashable, Sendable, CaseIterable {
    /// Upload a replica's changes.
    case push = "/v1/sync/push"
    /// Download a page of changes, snapshots and evictions.
    case pull = "/v1/sync/pull"

    /// The request path.
    public var path: String { rawValue }

    /// The HTTP method (always `POST`).
    public var method: String { "POST" }
}
