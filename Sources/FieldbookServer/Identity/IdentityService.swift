import FieldbookServerCore
import Foundation
import Logging

/// Login, device tokens, users and devices. (Scaffold: replaced by the identity work.)
public struct IdentityService: DeviceAuthenticator {
    /// Creates the service.
    public init() {}

    /// Opens (creating if needed) the identity store in `dataDirectory`.
    /// The serve command and the admin commands call this.
    public static func open(dataDirectory: URL, sync: SyncService, logger: Logger) throws -> IdentityService {
        IdentityService()
    }

    /// The device a token belongs to, or nil when the token is not valid now.
    public func authenticate(token: String) async throws -> AuthenticatedDevice? { nil }
}
