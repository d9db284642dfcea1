/// The authentication HTTP endpoints (JSON bodies, like the sync endpoints).
///
/// | endpoint | request body | 200 body | auth |
/// |---|---|---|---|
/// | `POST /v1/auth/login` | ``LoginRequest`` | ``LoginResponse`` | none |
/// | `POST /v1/auth/logout` | none | none (204) | bearer token, revoked by the call |
public enum AuthEndpoint: String, Hashable, Sendable, CaseIterable {
    /// Sign in and get a device token.
    case login = "/v1/auth/login"
    /// Revoke the calling device's token.
    case logout = "/v1/auth/logout"

    /// The request path.
    public var path: String { rawValue }

    /// The HTTP method (always `POST`).
    public var method: String { "POST" }
}
