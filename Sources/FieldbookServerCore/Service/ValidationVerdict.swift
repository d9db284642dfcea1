import FieldbookModel
import FieldbookProtocol

/// The schema validator's issues sorted into the push steps they belong to
/// (SYNC.md §11.2) and mapped onto change-level wire codes (§13).
///
/// | step | issue codes | wire code |
/// |---|---|---|
/// | 7 schema | `unknown_entity` / `unknown_field` / `invalid_reference` | the same |
/// | 7 schema | kind, format, range, slot-shape, removal and required-cleared issues | `invalid_value` |
/// | 7 schema | `invalid_structure`, `invalid_record_id`, `entity_mismatch` | `invalid_change` |
/// | 8 rights | `read_only` (the role may not write the entity or field) | `forbidden` |
/// | 11 business rules | everything else: required fields missing, workflow and write-once transitions, entity rules | `business_rule` |
///
/// Only errors count; warnings never reject. Reasons are the issues'
/// messages, which name fields and limits but never values.
struct ValidationVerdict: Sendable {
    /// Step 7: the change does not fit the client's schema version.
    var schema: Rejection?
    /// Step 8 (role part): the caller's role may not write this.
    var rights: Rejection?
    /// Step 11: the record after the merge breaks a business rule.
    var businessRule: Rejection?

    init(_ issues: [ValidationIssue]) {
        var byCode: [WireErrorCode: [ValidationIssue]] = [:]
        for issue in issues.errors { byCode[Self.wireCode(for: issue.code), default: []].append(issue) }
        func rejection(_ codes: [WireErrorCode]) -> Rejection? {
            for code in codes {
                if let found = byCode[code] { return Rejection(code, Self.reason(found)) }
            }
            return nil
        }
        schema = rejection([.invalidChange, .unknownEntity, .unknownField, .invalidValue, .invalidReference])
        rights = rejection([.forbidden])
        businessRule = rejection([.businessRule])
    }

    private static let valueCodes: Set<ValidationIssue.Code> = [
        .invalidSlotShape, .kindMismatch, .valueNotAllowed, .decimalNotCanonical, .outOfRange, .textTooLong,
        .invalidDate, .invalidDateTime, .invalidEmail, .invalidPhone, .invalidSetElement, .invalidItemID,
        .invalidPosition, .removalNotAllowed, .deletedNotBool, .requiredCleared,
    ]

    /// The change-level code an issue maps to.
    static func wireCode(for code: ValidationIssue.Code) -> WireErrorCode {
        switch code {
        case .unknownEntity: .unknownEntity
        case .unknownField: .unknownField
        case .invalidReference: .invalidReference
        case .invalidStructure, .invalidRecordID, .entityMismatch: .invalidChange
        case .readOnly: .forbidden
        case _ where valueCodes.contains(code): .invalidValue
        default: .businessRule
        }
    }

    /// Up to three issue messages, then a count of the rest.
    private static func reason(_ issues: [ValidationIssue]) -> String {
        let shown = issues.prefix(3).map(\.message).joined(separator: "; ")
        return issues.count > 3 ? shown + " (and \(issues.count - 3) more)" : shown
    }
}
