import FieldbookProtocol
import FieldbookSync

/// A change the server authored under its own replica ID, with its decision.
public struct AuthoredChange: Hashable, Sendable {
    /// The change as built and pushed through the server's own pipeline.
    public var change: Change
    /// `accepted`, or `rejected` with the code and reason (e.g. an office
    /// edit that breaks a business rule); the rejection is recorded like any other.
    public var result: ChangeResult

    /// Creates an authored change.
    public init(change: Change, result: ChangeResult) {
        self.change = change
        self.result = result
    }
}
