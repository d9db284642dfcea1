import FieldbookSync

/// The server's decision about one pushed change.
///
/// A decision is final for its dot: pushing the dot again yields the same
/// status (``Status/duplicate`` for a change accepted earlier) and, for a
/// rejection, the same code. The one exception is
/// ``WireErrorCode/counterGap``, which is not recorded: the client pushes
/// the missing earlier changes and then this one again.
///
/// ```json
/// {"dot": "anna-phone-7f3a:43", "status": "rejected", "code": "business_rule",
///  "reason": "a won opportunity cannot change stage"}
/// ```
public struct ChangeResult: Hashable, Sendable, Codable {
    /// What happened to the change.
    public enum Status: String, Hashable, Sendable, Codable {
        /// Validated, merged and durably logged by this request.
        case accepted
        /// Already accepted earlier (a retry); nothing changed.
        case duplicate
        /// Not applied; ``ChangeResult/code`` says why. The client keeps the
        /// change visible until someone fixes (re-issues) or discards it.
        case rejected
    }

    /// The change this result is for.
    public var dot: Dot
    /// The decision.
    public var status: Status
    /// Machine-readable reason; present exactly when ``status`` is ``Status/rejected``.
    public var code: WireErrorCode?
    /// Human-readable explanation for the user or the office; never contains
    /// data the pushing user may not see.
    public var reason: String?

    /// Creates a result.
    public init(dot: Dot, status: Status, code: WireErrorCode? = nil, reason: String? = nil) {
        self.dot = dot
        self.status = status
        self.code = code
        self.reason = reason
    }

    /// The change was accepted.
    public static func accepted(_ dot: Dot) -> ChangeResult { ChangeResult(dot: dot, status: .accepted) }

    /// The change had been accepted before.
    public static func duplicate(_ dot: Dot) -> ChangeResult { ChangeResult(dot: dot, status: .duplicate) }

    /// The change was rejected with `code` and a human-readable `reason`.
    public static func rejected(_ dot: Dot, code: WireErrorCode, reason: String) -> ChangeResult {
        ChangeResult(dot: dot, status: .rejected, code: code, reason: reason)
    }

    /// Whether the server now holds the change (accepted now or earlier).
    public var isApplied: Bool { status != .rejected }
}
