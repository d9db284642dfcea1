/// The version of the sync wire protocol a message is written in.
///
/// Sent as a plain JSON integer in every request (`"protocolVersion": 1`).
/// Compatible additions (new optional members, new error codes) keep the
/// version; anything an older peer would misread raises it. A server serves
/// every version in ``supported`` and answers others with
/// ``WireErrorCode/unsupportedProtocolVersion``. See `Protocol/SYNC.md`, "Versioning".
///
/// ```swift
/// let request = PullRequest(replica: device, schemaVersion: 3)
/// assert(request.protocolVersion == .current)
/// ```
public struct ProtocolVersion: RawRepresentable, Hashable, Comparable, Sendable, Codable,
    ExpressibleByIntegerLiteral, CustomStringConvertible
{
    /// The version number, starting at 1.
    public var rawValue: Int

    /// Creates a version from its number.
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Creates a version from an integer literal.
    public init(integerLiteral value: Int) { self.rawValue = value }

    /// Version 1, described by `Protocol/SYNC.md`.
    public static let v1: ProtocolVersion = 1

    /// The version this module writes.
    public static let current: ProtocolVersion = .v1

    /// The versions this module can read and answer.
    public static let supported: ClosedRange<ProtocolVersion> = .v1 ... .v1

    public static func < (lhs: ProtocolVersion, rhs: ProtocolVersion) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { String(rawValue) }
}
