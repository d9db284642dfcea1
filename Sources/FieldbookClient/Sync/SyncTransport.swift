import FieldbookProtocol

/// A request the client core sends to a Fieldbook server.
public enum SyncRequest: Hashable, Sendable {
    /// Push local changes (`POST /v1/sync/push`).
    case push(PushRequest)
    /// Pull changes since a cursor (`POST /v1/sync/pull`).
    case pull(PullRequest)
}

/// The server's answer to a ``SyncRequest``.
public enum SyncResponse: Hashable, Sendable {
    /// Per-change results of a push.
    case push(PushResponse)
    /// A page of changes, snapshots and evictions.
    case pull(PullResponse)
}

/// How the client core reaches the server: one method, so an iOS app can
/// bring `URLSession`, a Linux tool async-http-client, and a test an
/// in-process fake.
///
/// ```swift
/// struct URLSessionTransport: SyncTransport {
///     let baseURL: URL
///     let token: String
///     func send(_ request: SyncRequest) async throws -> SyncResponse {
///         // POST the JSON body to baseURL + endpoint path, decode the answer.
///     }
/// }
/// ```
///
/// Implementations throw for transport failures (no network, timeouts,
/// HTTP 5xx); the sync engine keeps every local change and retries later.
public protocol SyncTransport: Sendable {
    /// Sends one request and returns the server's answer.
    func send(_ request: SyncRequest) async throws -> SyncResponse
}
