import FieldbookSync

/// Decides whether a caller may write a change (SYNC.md §11.2 step 8): the
/// hook where further record-level rights plug in.
///
/// It runs after schema validation (which already enforces role rights on
/// entities and fields) and before the service's own scope checks (see
/// ``SyncService/scope(of:)``) and the purge, supersede and business-rule
/// checks. Return nil to allow, or a ``Rejection`` with
/// ``FieldbookProtocol/WireErrorCode/forbidden`` or
/// ``FieldbookProtocol/WireErrorCode/outOfScope``. The default allows everything.
///
/// ```swift
/// let territories = ChangeAuthorizer { change, current, caller in
///     guard let owner = current?.value("owner")?.text, owner != caller.user else { return nil }
///     return Rejection(.outOfScope, "account \(change.record) is not in your territory")
/// }
/// ```
public struct ChangeAuthorizer: Sendable {
    /// The decision function: the change, the record before it (nil when
    /// new or purged) and the caller.
    public typealias Check = @Sendable (Change, RecordState?, SyncCaller) async throws -> Rejection?

    private let check: Check

    /// Creates an authorizer from a decision function.
    public init(_ check: @escaping Check) { self.check = check }

    /// Allows every change.
    public static let allowAll = ChangeAuthorizer { _, _, _ in nil }

    /// Nil when `caller` may write `change` to `current`, else why not.
    public func authorize(_ change: Change, current: RecordState?, caller: SyncCaller) async throws -> Rejection? {
        try await check(change, current, caller)
    }
}
