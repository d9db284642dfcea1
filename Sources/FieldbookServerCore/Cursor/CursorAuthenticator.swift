import FieldbookSync

/// Computes the tag that binds a cursor to the deployment and replica it was
/// issued to (SYNC.md §11.4, §14: "Servers SHOULD authenticate cursors").
///
/// Production servers use a MAC with a deployment secret, e.g. HMAC-SHA256
/// from swift-crypto; that needs a dependency this module does not take, so
/// the HTTP server provides it. ``CursorChecksum`` is the keyless default.
public protocol CursorAuthenticator: Sendable {
    /// The tag for `message` (the same input always gives the same tag).
    func tag(for message: [UInt8]) -> [UInt8]
}

/// A keyless checksum: detects corrupted cursors and cursors issued to
/// another replica or by another deployment, but not deliberate forgery.
///
/// Forging a cursor gains a client nothing it could not get by pulling
/// (cursors never grant access, §14) — except acknowledging positions it has
/// not applied, which only harms its own users' data. Use a real MAC in production.
public struct CursorChecksum: CursorAuthenticator {
    /// Distinguishes deployments (e.g. `"staging"` and `"production"`).
    public var deployment: String

    /// Creates a checksum authenticator.
    public init(deployment: String = "fieldbook") { self.deployment = deployment }

    public func tag(for message: [UInt8]) -> [UInt8] {
        Array(SHA256.hash(Array(deployment.utf8) + [0] + message).prefix(8))
    }
}
