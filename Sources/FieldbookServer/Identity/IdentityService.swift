import FieldbookServerCore

/// Login, device tokens, users and devices. (Scaffold: replaced by the identity work.)
public struct IdentityService: DeviceAuthenticator {
    /// Creates the service.
    public init() {}

    /// The device a token belongs to, or nil when the token is not valid now.
    public func authenticate(token: String) async throws -> AuthenticatedDevice? { nil }
}
