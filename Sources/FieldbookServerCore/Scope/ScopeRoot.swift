/// What a record's visibility hangs off (SYNC.md §11.5): every record has
/// exactly one root, and a caller sees a record when it sees its root.
///
/// | root | text | records |
/// |---|---|---|
/// | ``shared`` | `*` | reference data, organisation, shared data: everyone |
/// | ``account(_:)`` | `a:<id>` | an account and everything hanging off it |
/// | ``user(_:)`` | `u:<id>` | customer records without an account, owned by that user |
/// | ``nobody`` | `-` | no account and no user known: only the back office |
///
/// ```swift
/// ScopeRoot.account("acc-17").rawValue   // "a:acc-17"
/// ```
public struct ScopeRoot: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The root's text, as stores index it.
    public let rawValue: String

    /// Creates a root from its text.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Visible to every caller.
    public static let shared = ScopeRoot(rawValue: "*")
    /// Visible only to callers who see everything.
    public static let nobody = ScopeRoot(rawValue: "-")

    /// The root of account `id` and what hangs off it.
    public static func account(_ id: String) -> ScopeRoot { ScopeRoot(rawValue: "a:" + id) }

    /// The root of account-less customer records owned by user `id`.
    public static func user(_ id: String) -> ScopeRoot { ScopeRoot(rawValue: "u:" + id) }

    public static func < (lhs: ScopeRoot, rhs: ScopeRoot) -> Bool {
        lhs.rawValue.utf8.lexicographicallyPrecedes(rhs.rawValue.utf8)
    }

    public var description: String { rawValue }
}
