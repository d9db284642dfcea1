import Foundation

/// Settings of an ``IdentityService``.
///
/// ```swift
/// var configuration = IdentityConfiguration()
/// configuration.bcryptCost = 4        // tests only
/// configuration.lastSeenInterval = 0  // record every authentication
/// ```
public struct IdentityConfiguration: Hashable, Sendable {
    /// The directory's file name inside the server's data directory.
    public static let directoryFileName = "directory.sqlite"
    /// The environment variable that lowers the bcrypt cost (tests, CI): 4…31.
    public static let bcryptCostVariable = "FIELDBOOK_BCRYPT_COST"

    /// bcrypt's cost for new password hashes (and for the dummy work on
    /// unknown logins); existing hashes keep the cost they were made with.
    public var bcryptCost: UInt8 = 12
    /// How long (seconds) a device's last-seen time may lag behind; at most
    /// one write per device per interval.
    public var lastSeenInterval: TimeInterval = 60

    /// Creates the default configuration.
    public init() {}

    /// The defaults, with ``bcryptCost`` from `FIELDBOOK_BCRYPT_COST` when it holds 4…31.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Self {
        var configuration = IdentityConfiguration()
        if let text = environment[bcryptCostVariable], let cost = UInt8(text), (4...31).contains(cost) {
            configuration.bcryptCost = cost
        }
        return configuration
    }
}
