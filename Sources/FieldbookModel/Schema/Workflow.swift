/// The allowed transitions of a status field.
///
/// A value with no outgoing transitions is terminal: once it is the field's
/// winning value, nothing may replace it (an opportunity closed as won stays
/// won). Setting the first value is always allowed. The server checks
/// transitions against the winning value before and after a change, so a
/// concurrent write that would overturn a terminal value is rejected too.
///
/// ```swift
/// let workflow = Workflow([
///     "open": ["won", "lost", "cancelled"],
///     "lost": ["open"],
///     "cancelled": ["open"],
/// ])
/// workflow.allows(from: "won", to: "open")   // false
/// ```
public struct Workflow: Hashable, Sendable {
    /// Allowed targets by source value. Values missing as keys are terminal.
    public let transitions: [String: Set<String>]

    /// Creates a workflow from its allowed transitions.
    public init(_ transitions: [String: Set<String>]) { self.transitions = transitions }

    /// Whether the field may change from `from` to `to` (staying put always may).
    public func allows(from: String, to: String) -> Bool {
        from == to || transitions[from]?.contains(to) == true
    }

    /// Values that can never be left.
    public func terminalValues(among values: [String]) -> [String] {
        values.filter { transitions[$0]?.isEmpty ?? true }
    }

    /// Every value named by the workflow, sorted.
    public var values: [String] {
        Set(transitions.keys).union(transitions.values.joined()).sorted()
    }
}
