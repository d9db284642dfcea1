import FieldbookServerCore
import Logging

/// The long-lived services every route handler uses, built once at start-up.
public struct ServerServices: Sendable {
    /// Push, pull, server-authored changes.
    public var sync: SyncService
    /// Login, tokens, users and devices.
    public var identity: IdentityService
    /// The server's logger (never given customer data).
    public var logger: Logger

    /// Creates the services.
    public init(sync: SyncService, identity: IdentityService, logger: Logger) {
        self.sync = sync
        self.identity = identity
        self.logger = logger
    }
}
