/// Why a typed helper could not read a record. Names fields and item IDs,
/// never values.
public enum FieldValueError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A value the computation needs is absent or null.
    case missing(field: String, item: String?)
    /// A value does not have the expected kind.
    case malformed(field: String, item: String?, expected: String)
    /// The arithmetic failed (overflow).
    case arithmetic(DecimalError)

    public var description: String {
        switch self {
        case .missing(let field, let item): "missing \(field)" + (item.map { " in item \($0)" } ?? "")
        case .malformed(let field, let item, let expected):
            "\(field)" + (item.map { " in item \($0)" } ?? "") + " is not a \(expected)"
        case .arithmetic(let error): error.description
        }
    }
}
