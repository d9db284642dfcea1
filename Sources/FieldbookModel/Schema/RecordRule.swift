import FieldbookSync

/// A business rule over a whole (live) record, checked by
/// ``SchemaValidator/validate(record:)``.
///
/// Rules are values: a stable ``code``, the fields they read, a summary for
/// schema documentation, and the check itself. Two rules are equal when code,
/// fields and summary are equal. Most rules come from the factories:
///
/// ```swift
/// RecordRule.required(["closeReason"], when: .oneOf("status", ["won", "lost", "cancelled"]),
///                     code: "close_reason_required")
/// RecordRule.ordered("start", before: "end", strictly: true, code: "end_not_after_start")
/// ```
public struct RecordRule: Hashable, Sendable {
    /// When a conditional rule applies.
    public enum Condition: Hashable, Sendable {
        /// The field's winning value is one of `values` (text values).
        case oneOf(String, [String])
        /// The field's winning value equals `value`.
        case equals(String, Value)
        /// The field holds a non-null value.
        case present(String)

        /// The field the condition reads.
        public var field: String {
            switch self {
            case .oneOf(let field, _), .equals(let field, _), .present(let field): field
            }
        }

        /// Whether the condition holds for `record`.
        public func holds(in record: RecordState) -> Bool {
            let value = record.value(field)
            switch self {
            case .oneOf(_, let values): return value?.text.map(values.contains) ?? false
            case .equals(_, let expected): return value == expected
            case .present: return value != nil && value != .null
            }
        }

        var summary: String {
            switch self {
            case .oneOf(let field, let values): "\(field) is one of \(values.joined(separator: ", "))"
            case .equals(let field, let value): "\(field) is \(value)"
            case .present(let field): "\(field) is set"
            }
        }
    }

    /// Stable snake_case code reported in issues.
    public let code: ValidationIssue.Code
    /// Fields the rule reads (checked to exist when the registry is built).
    public let fields: [String]
    /// What the rule demands, for documentation.
    public let summary: String
    /// The check: issues for a live record of the entity.
    public let check: @Sendable (RecordState) -> [ValidationIssue]

    /// A rule with a hand-written check.
    public init(
        code: ValidationIssue.Code, fields: [String], summary: String,
        check: @escaping @Sendable (RecordState) -> [ValidationIssue]
    ) {
        self.code = code
        self.fields = fields
        self.summary = summary
        self.check = check
    }

    /// `fields` must hold values whenever `condition` holds.
    public static func required(
        _ fields: [String], when condition: Condition, code: ValidationIssue.Code
    ) -> RecordRule {
        let summary = "\(fields.joined(separator: ", ")) required when \(condition.summary)"
        return RecordRule(code: code, fields: [condition.field] + fields, summary: summary) { record in
            guard condition.holds(in: record) else { return [] }
            return fields.filter { record.value($0) == nil || record.value($0) == .null }.map { field in
                ValidationIssue(field: field, code: code, message: "\(field) is required when \(condition.summary)")
            }
        }
    }

    /// When both are set, `earlier` must not be after `later` (`strictly`:
    /// must be before it). Works for dates, date-times and decimals.
    public static func ordered(
        _ earlier: String, before later: String, strictly: Bool, code: ValidationIssue.Code
    ) -> RecordRule {
        let relation = strictly ? "after" : "on or after"
        return RecordRule(code: code, fields: [earlier, later], summary: "\(later) \(relation) \(earlier)") { record in
            guard let first = record.value(earlier), let second = record.value(later),
                let order = RecordRule.compare(first, second)
            else { return [] }
            guard order > 0 || (order == 0 && strictly) else { return [] }
            return [ValidationIssue(field: later, code: code, message: "\(later) must be \(relation) \(earlier)")]
        }
    }

    /// Compares two values of the same ordered kind: -1, 0, 1, or nil when
    /// they are not comparable (different kinds, malformed, null).
    static func compare(_ lhs: Value, _ rhs: Value) -> Int? {
        func order<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : (b < a ? 1 : 0) }
        switch (lhs, rhs) {
        case (.int(let a), .int(let b)):
            return order(a, b)
        case (.text(let a), .text(let b)):
            if let x = UTCDateTime(parsing: a), let y = UTCDateTime(parsing: b) { return order(x, y) }
            if let x = CalendarDate(parsing: a), let y = CalendarDate(parsing: b) { return order(x, y) }
            if let x = try? DecimalNumber(parsing: a), let y = try? DecimalNumber(parsing: b) { return order(x, y) }
            return nil
        default:
            return nil
        }
    }

    public static func == (lhs: RecordRule, rhs: RecordRule) -> Bool {
        lhs.code == rhs.code && lhs.fields == rhs.fields && lhs.summary == rhs.summary
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(fields)
        hasher.combine(summary)
    }
}
