/// Errors of exact decimal arithmetic and decimal text.
///
/// Descriptions name the operation and the scales involved, never the
/// numbers themselves (amounts are customer data).
public enum DecimalError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text is not a plain decimal number (`-12.50`): it is empty, has an
    /// exponent, grouping, whitespace or other characters. `reason` says which.
    case malformed(reason: String)
    /// The result does not fit a 64-bit significand at the scale asked for.
    case overflow(operation: String)
    /// A scale outside `0...DecimalNumber.maxScale`.
    case scaleOutOfRange(Int)
    /// Representing the number at `scale` would drop non-zero digits; round explicitly.
    case inexact(scale: Int)
    /// Division by zero.
    case divisionByZero

    public var description: String {
        switch self {
        case .malformed(let reason): "malformed decimal: \(reason)"
        case .overflow(let operation): "decimal overflow in \(operation)"
        case .scaleOutOfRange(let scale): "decimal scale \(scale) outside 0...\(DecimalNumber.maxScale)"
        case .inexact(let scale): "decimal has more than \(scale) fraction digits; round it explicitly"
        case .divisionByZero: "decimal division by zero"
        }
    }
}
