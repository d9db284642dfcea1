import Crypto
import FieldbookServerCore

/// HMAC-SHA256 cursor tags keyed with the deployment's secret (SYNC.md §14:
/// "Servers SHOULD authenticate cursors"): a client cannot forge a cursor, so
/// it cannot acknowledge log positions it was never given.
///
/// Every server instance of a deployment must use the same key
/// (``DeploymentSecret``); the tag is the first 16 bytes of the MAC.
public struct CursorHMAC: CursorAuthenticator {
    private let key: SymmetricKey

    /// Creates the authenticator; `secret` should be 32 random bytes.
    public init(secret: [UInt8]) {
        precondition(secret.count >= 16, "a cursor secret needs at least 16 bytes")
        key = SymmetricKey(data: secret)
    }

    public func tag(for message: [UInt8]) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: message, using: key).prefix(16))
    }
}
