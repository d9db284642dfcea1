import FieldbookSync

/// An exact decimal number: `significand × 10^-scale`, with a 64-bit
/// significand and 0–18 fraction digits. No floating point anywhere.
///
/// Money is a decimal of scale 2 (cents), percentages are scale 2 as well
/// (`19.00`). Arithmetic is exact; the only rounding happens where a caller
/// asks for it (``rounded(toScale:rule:)``, ``product(_:roundedTo:rule:)``,
/// ``divided(by:roundedTo:rule:)``), with ``RoundingRule/halfUp`` by default.
/// Intermediate products use wide integers, so `quantity × price × factor`
/// is exact before its single rounding.
///
/// On the wire (``Value``) a decimal is its canonical text at the field's
/// scale: exactly `scale` fraction digits, no exponent, no `+`, no leading
/// zeros, and `-` only for negative numbers (`"-0.50"`, never `"-0.00"`).
///
/// ```swift
/// let price = try DecimalNumber(parsing: "19.99")
/// let net = try DecimalNumber.product([price, 3], roundedTo: 2)   // 59.97
/// let value = try net.value(scale: 2)                             // .text("59.97")
/// ```
///
/// Equality is numeric: `1.5 == 1.50`.
public struct DecimalNumber: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The largest supported scale (10¹⁸ still fits a 64-bit significand).
    public static let maxScale = 18

    /// The unscaled integer: `12.50` has significand `1250` at scale 2.
    /// Never `Int64.min`, so negation cannot overflow.
    public let significand: Int64
    /// Number of fraction digits, `0...maxScale`.
    public let scale: Int

    /// Zero at scale 0.
    public static let zero = DecimalNumber(checkedSignificand: 0, scale: 0)

    /// Creates `significand × 10^-scale`.
    /// - Throws: ``DecimalError/scaleOutOfRange(_:)``, or
    ///   ``DecimalError/overflow(operation:)`` for `Int64.min`.
    public init(significand: Int64, scale: Int) throws(DecimalError) {
        guard (0...DecimalNumber.maxScale).contains(scale) else { throw .scaleOutOfRange(scale) }
        guard significand != .min else { throw .overflow(operation: "init") }
        self.init(checkedSignificand: significand, scale: scale)
    }

    /// An integer as a decimal of scale 0. Traps on `Int64.min` (use
    /// ``init(significand:scale:)`` for untrusted input).
    public init(_ integer: Int64) {
        precondition(integer != .min, "Int64.min is outside the decimal range")
        self.init(checkedSignificand: integer, scale: 0)
    }

    /// Parses a literal known to be valid (schema declarations, tests).
    /// Traps on malformed text.
    public init(unchecked text: String) {
        do { self = try DecimalNumber(parsing: text) } catch { preconditionFailure("invalid decimal literal: \(error)") }
    }

    init(checkedSignificand: Int64, scale: Int) {
        self.significand = checkedSignificand
        self.scale = scale
    }

    /// Whether the number is negative (zero never is).
    public var isNegative: Bool { significand < 0 }
    /// Whether the number is zero at any scale.
    public var isZero: Bool { significand == 0 }

    /// The same number with trailing fraction zeros removed (smallest scale).
    public var normalized: DecimalNumber {
        var significand = significand
        var scale = scale
        while scale > 0, significand % 10 == 0 {
            significand /= 10
            scale -= 1
        }
        return DecimalNumber(checkedSignificand: significand, scale: scale)
    }

    /// The decimal text at the number's own scale, e.g. `"-12.50"`.
    public var description: String { DecimalNumber.format(significand, scale: scale) }

    /// The canonical text at `scale`: pads with zeros, never rounds.
    /// - Throws: ``DecimalError/inexact(scale:)`` when digits would be lost,
    ///   ``DecimalError/overflow(operation:)`` when padding overflows.
    public func canonicalText(scale: Int) throws(DecimalError) -> String {
        let exact = try rescaled(to: scale)
        return DecimalNumber.format(exact.significand, scale: exact.scale)
    }

    /// The wire value: canonical text at `scale` (see ``canonicalText(scale:)``).
    public func value(scale: Int) throws(DecimalError) -> Value { .text(try canonicalText(scale: scale)) }

    /// The same number at another scale, exactly.
    /// - Throws: ``DecimalError/inexact(scale:)`` if non-zero digits would be dropped.
    public func rescaled(to newScale: Int) throws(DecimalError) -> DecimalNumber {
        guard (0...DecimalNumber.maxScale).contains(newScale) else { throw .scaleOutOfRange(newScale) }
        var magnitude = WideUInt(significand.magnitude)
        if newScale >= scale {
            magnitude.multiply(byPowerOfTen: newScale - scale)
        } else if magnitude.divide(byPowerOfTen: scale - newScale) {
            throw .inexact(scale: newScale)
        }
        return try DecimalNumber.make(negative: isNegative, magnitude: magnitude, scale: newScale, operation: "rescale")
    }

    public static func == (lhs: DecimalNumber, rhs: DecimalNumber) -> Bool { compare(lhs, rhs) == 0 }

    public static func < (lhs: DecimalNumber, rhs: DecimalNumber) -> Bool { compare(lhs, rhs) < 0 }

    public func hash(into hasher: inout Hasher) {
        let normal = normalized
        hasher.combine(normal.significand)
        hasher.combine(normal.scale)
    }

    /// -1, 0 or 1 as `lhs` is less than, equal to or greater than `rhs`.
    static func compare(_ lhs: DecimalNumber, _ rhs: DecimalNumber) -> Int {
        if lhs.isNegative != rhs.isNegative { return lhs.isNegative ? -1 : 1 }
        let (left, right) = aligned(lhs, rhs)
        let magnitudeOrder = left < right ? -1 : (right < left ? 1 : 0)
        return lhs.isNegative ? -magnitudeOrder : magnitudeOrder
    }

    /// Both magnitudes at the larger of the two scales.
    static func aligned(_ lhs: DecimalNumber, _ rhs: DecimalNumber) -> (WideUInt, WideUInt) {
        let scale = max(lhs.scale, rhs.scale)
        var left = WideUInt(lhs.significand.magnitude)
        var right = WideUInt(rhs.significand.magnitude)
        left.multiply(byPowerOfTen: scale - lhs.scale)
        right.multiply(byPowerOfTen: scale - rhs.scale)
        return (left, right)
    }

    /// Builds a decimal from a sign and a wide magnitude, checking the 64-bit range.
    static func make(
        negative: Bool, magnitude: WideUInt, scale: Int, operation: String
    ) throws(DecimalError) -> DecimalNumber {
        guard let small = magnitude.uint64, small <= UInt64(Int64.max) else { throw .overflow(operation: operation) }
        let value = Int64(small)
        return DecimalNumber(checkedSignificand: negative ? -value : value, scale: scale)
    }

    static func format(_ significand: Int64, scale: Int) -> String {
        var digits = String(significand.magnitude)
        if scale > 0 {
            if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -scale))
        }
        return significand < 0 ? "-" + digits : digits
    }
}

extension DecimalNumber: ExpressibleByIntegerLiteral {
    /// An integer literal as a decimal of scale 0.
    public init(integerLiteral value: Int64) { self.init(value) }
}
