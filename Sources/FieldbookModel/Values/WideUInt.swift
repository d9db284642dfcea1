/// A small unsigned integer of arbitrary width, used only as exact
/// intermediate storage for decimal arithmetic (products of several
/// 64-bit significands, scaling by large powers of ten).
///
/// Limbs are little-endian 64-bit words with no trailing zero limbs; zero
/// has no limbs. Only the operations decimal arithmetic needs exist.
struct WideUInt: Comparable, Sendable {
    private(set) var limbs: [UInt64]

    /// 10⁰ … 10¹⁹, every power of ten that fits in a `UInt64`.
    static let powersOfTen: [UInt64] = {
        var powers: [UInt64] = [1]
        for _ in 1...19 { powers.append(powers[powers.count - 1] * 10) }
        return powers
    }()

    init(_ value: UInt64) { limbs = value == 0 ? [] : [value] }

    var isZero: Bool { limbs.isEmpty }

    /// The value as a `UInt64`, or nil if it does not fit.
    var uint64: UInt64? { limbs.count <= 1 ? (limbs.first ?? 0) : nil }

    mutating func multiply(by factor: UInt64) {
        guard factor != 0 else {
            limbs = []
            return
        }
        var carry: UInt64 = 0
        for index in limbs.indices {
            let (high, low) = limbs[index].multipliedFullWidth(by: factor)
            let (sum, overflow) = low.addingReportingOverflow(carry)
            limbs[index] = sum
            carry = high &+ (overflow ? 1 : 0)  // high ≤ 2⁶⁴ − 2, cannot wrap
        }
        if carry != 0 { limbs.append(carry) }
    }

    /// Multiplies by 10^`exponent` (any non-negative exponent).
    mutating func multiply(byPowerOfTen exponent: Int) {
        var remaining = exponent
        while remaining > 0 {
            let step = min(remaining, 19)
            multiply(by: WideUInt.powersOfTen[step])
            remaining -= step
        }
    }

    /// Divides in place by a non-zero divisor; returns the remainder.
    @discardableResult
    mutating func divide(by divisor: UInt64) -> UInt64 {
        precondition(divisor != 0, "division by zero")
        var remainder: UInt64 = 0
        for index in limbs.indices.reversed() {
            let (quotient, rest) = divisor.dividingFullWidth((high: remainder, low: limbs[index]))
            limbs[index] = quotient
            remainder = rest
        }
        trim()
        return remainder
    }

    /// Divides in place by 10^`exponent`; returns whether anything non-zero was dropped.
    mutating func divide(byPowerOfTen exponent: Int) -> Bool {
        var inexact = false
        var remaining = exponent
        while remaining > 0 {
            let step = min(remaining, 19)
            if divide(by: WideUInt.powersOfTen[step]) != 0 { inexact = true }
            remaining -= step
        }
        return inexact
    }

    mutating func add(_ other: WideUInt) {
        var carry: UInt64 = 0
        for index in 0..<max(limbs.count, other.limbs.count) {
            if index == limbs.count { limbs.append(0) }
            let addend = index < other.limbs.count ? other.limbs[index] : 0
            let (partial, overflow1) = limbs[index].addingReportingOverflow(addend)
            let (sum, overflow2) = partial.addingReportingOverflow(carry)
            limbs[index] = sum
            carry = (overflow1 ? 1 : 0) + (overflow2 ? 1 : 0)
        }
        if carry != 0 { limbs.append(carry) }
    }

    /// Subtracts a value not greater than `self`.
    mutating func subtract(_ other: WideUInt) {
        precondition(other <= self, "wide subtraction underflow")
        var borrow: UInt64 = 0
        for index in limbs.indices {
            let subtrahend = index < other.limbs.count ? other.limbs[index] : 0
            let (partial, overflow1) = limbs[index].subtractingReportingOverflow(subtrahend)
            let (difference, overflow2) = partial.subtractingReportingOverflow(borrow)
            limbs[index] = difference
            borrow = (overflow1 ? 1 : 0) + (overflow2 ? 1 : 0)
        }
        trim()
    }

    static func < (lhs: WideUInt, rhs: WideUInt) -> Bool {
        if lhs.limbs.count != rhs.limbs.count { return lhs.limbs.count < rhs.limbs.count }
        for index in lhs.limbs.indices.reversed() where lhs.limbs[index] != rhs.limbs[index] {
            return lhs.limbs[index] < rhs.limbs[index]
        }
        return false
    }

    private mutating func trim() {
        while limbs.last == 0 { limbs.removeLast() }
    }
}
