/// Turns a bearer token into the device behind it.
///
/// The HTTP layer calls it for every request except login and health
/// checks; nil means "unauthenticated" (unknown, revoked or disabled).
public protocol DeviceAuthenticator: Sendable {
    /// The device a token belongs to, or nil when the token is not valid now.
    func authenticate(token: String) async throws -> AuthenticatedDevice?
}
