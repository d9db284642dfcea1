/// A position in the server's change log: the `seq` of SYNC.md §11.4.
///
/// Every accepted change gets the next position when it commits, so position
/// order is commit order (scheme A, "commit-ordered assignment"). Position 0
/// (``start``) lies before the first change.
///
/// ```swift
/// let slice = try await store.readLog(after: .start, limit: 100, excludingAuthor: nil)
/// ```
public struct LogPosition: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible,
    ExpressibleByIntegerLiteral
{
    /// The position number; 0 is before the first change.
    public var rawValue: UInt64

    /// Creates a position.
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// Creates a position from an integer literal.
    public init(integerLiteral value: UInt64) { self.rawValue = value }

    /// Before the first change.
    public static let start = LogPosition(rawValue: 0)

    /// The position after this one.
    public var next: LogPosition { LogPosition(rawValue: rawValue + 1) }

    public static func < (lhs: LogPosition, rhs: LogPosition) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { String(rawValue) }
}
