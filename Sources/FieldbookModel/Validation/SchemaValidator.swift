import FieldbookSync

/// Validates changes and records against a ``SchemaRegistry``.
///
/// The server runs ``validate(change:current:)`` on every pushed change
/// before applying it (types, enums, references, permissions, workflows,
/// and business rules the change would newly break); clients run it on their
/// own edits for early feedback and ``validate(record:)`` to show what a
/// record still lacks.
///
/// ```swift
/// let validator = SchemaValidator(options: .server(role: .rep))
/// let issues = validator.validate(change: change, current: store.record(change.record))
/// if issues.hasErrors { reject(change, issues) }
/// ```
public struct SchemaValidator: Sendable {
    /// The schema validated against.
    public let registry: SchemaRegistry
    /// Strictness and role.
    public var options: ValidationOptions

    /// Creates a validator; defaults to the standard schema in strict mode without a role.
    public init(registry: SchemaRegistry = .standard, options: ValidationOptions = .strict) {
        self.registry = registry
        self.options = options
    }

    /// Validates one change.
    ///
    /// Checks, in order: the sync core's structural rules; the record ID;
    /// the entity; the role's right to write the entity; then every
    /// operation (field known, slot shape fits the kind, value fits the kind,
    /// role may write the field, required fields not cleared). When all that
    /// passes and the change applies to `current` (nil: a new record), also
    /// checks workflow/write-once transitions of the winning values and
    /// reports record-level errors the change introduces (rules already
    /// broken before the change are not held against it).
    /// - Returns: every issue found; empty when the change is acceptable.
    public func validate(change: Change, current: RecordState? = nil) -> [ValidationIssue] {
        validate(change: change, current: current, applied: nil)
    }

    /// Validates one change the caller has already applied: `applied` is
    /// `current` (an empty record when nil) after `change`, as
    /// `RecordState.apply(_:)` computes it. Same result as
    /// ``validate(change:current:)``, without applying the change a second
    /// time (a local write applies every change it validates).
    public func validate(change: Change, current: RecordState?, applied: RecordState?) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if !RecordID.isWellFormed(change.record) {
            issues.append(ValidationIssue(field: nil, code: .invalidRecordID, message: "record ID is not well-formed"))
        } else {
            do { try change.validateStructure() } catch {
                issues.append(ValidationIssue(field: nil, code: .invalidStructure, message: Self.structureMessage(error)))
            }
        }
        guard let entity = registry.entity(change.entity) else {
            return issues + [unknownEntity(change.entity)]
        }
        if let current, current.entity != change.entity || current.id != change.record {
            return issues + [
                ValidationIssue(field: nil, code: .entityMismatch, message: "change does not belong to the record given")
            ]
        }
        if let role = options.role, !entity.writers.contains(role) {
            issues.append(
                ValidationIssue(field: nil, code: .readOnly, message: "role \(role) may not write \(entity.name) records")
            )
        }
        for op in change.ops {
            issues += check(op, in: entity)
        }
        guard !issues.hasErrors else { return issues }
        return issues + stateIssues(of: change, applyingTo: current, applied: applied, entity: entity)
    }

    /// Issue for an entity the schema lacks: an error, or a warning when preserving.
    func unknownEntity(_ name: String) -> ValidationIssue {
        ValidationIssue(
            field: nil, code: .unknownEntity, message: "entity \(name) is not in schema version \(registry.version)",
            severity: options.unknownFields == .preserve ? .warning : .error
        )
    }

    /// Issue for a field or member the schema lacks: an error, or a warning when preserving.
    func unknownField(_ field: String, member: String? = nil, slot: Slot?, entity: String) -> ValidationIssue {
        let name = member.map { "\(field).\($0)" } ?? field
        return ValidationIssue(
            field: field, member: member, slot: slot, code: .unknownField,
            message: "\(entity).\(name) is not in schema version \(registry.version)",
            severity: options.unknownFields == .preserve ? .warning : .error
        )
    }

    /// A value-free message for a structural error (slot paths can hold set-element text).
    static func structureMessage(_ error: SyncError) -> String {
        guard case .invalidChange(_, let reason) = error else { return "structurally invalid change" }
        return reason.hasPrefix("slot ") ? "a slot is written twice" : reason
    }
}
