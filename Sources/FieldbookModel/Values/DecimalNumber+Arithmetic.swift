extension DecimalNumber {
    /// The exact sum; the result has the larger of the two scales.
    /// - Throws: ``DecimalError/overflow(operation:)``.
    public func adding(_ other: DecimalNumber) throws(DecimalError) -> DecimalNumber {
        let scale = max(self.scale, other.scale)
        var (left, right) = DecimalNumber.aligned(self, other)
        if isNegative == other.isNegative {
            left.add(right)
            return try DecimalNumber.make(negative: isNegative, magnitude: left, scale: scale, operation: "add")
        }
        // Opposite signs: subtract the smaller magnitude from the larger.
        if left < right {
            right.subtract(left)
            return try DecimalNumber.make(negative: other.isNegative, magnitude: right, scale: scale, operation: "add")
        }
        left.subtract(right)
        return try DecimalNumber.make(negative: isNegative && !left.isZero, magnitude: left, scale: scale, operation: "add")
    }

    /// The exact difference `self − other`.
    /// - Throws: ``DecimalError/overflow(operation:)``.
    public func subtracting(_ other: DecimalNumber) throws(DecimalError) -> DecimalNumber {
        try adding(other.negated())
    }

    /// The negation (never overflows: significands exclude `Int64.min`).
    public func negated() -> DecimalNumber { DecimalNumber(checkedSignificand: -significand, scale: scale) }

    /// The absolute value.
    public var magnitude: DecimalNumber { isNegative ? negated() : self }

    /// The exact product; its scale is the sum of the scales.
    /// - Throws: ``DecimalError/scaleOutOfRange(_:)`` when the scales sum past
    ///   ``maxScale`` (use ``product(_:roundedTo:rule:)``), or overflow.
    public func multiplied(by other: DecimalNumber) throws(DecimalError) -> DecimalNumber {
        let scale = self.scale + other.scale
        guard scale <= DecimalNumber.maxScale else { throw .scaleOutOfRange(scale) }
        return try DecimalNumber.product([self, other], roundedTo: scale)
    }

    /// The product of `factors`, computed exactly and rounded once to `scale`.
    ///
    /// This is how line amounts are computed: `quantity × price × (100 − discount) / 100`
    /// is `product([quantity, price, hundredMinusDiscount, 0.01], roundedTo: 2)`
    /// with no intermediate rounding. The empty product is 1.
    /// - Throws: ``DecimalError/overflow(operation:)`` when the rounded result
    ///   does not fit; ``DecimalError/scaleOutOfRange(_:)``.
    public static func product(
        _ factors: [DecimalNumber], roundedTo scale: Int, rule: RoundingRule = .halfUp
    ) throws(DecimalError) -> DecimalNumber {
        var magnitude = WideUInt(1)
        var negative = false
        var exactScale = 0
        for factor in factors {
            magnitude.multiply(by: factor.significand.magnitude)
            negative = negative != factor.isNegative
            exactScale += factor.scale
        }
        return try round(
            negative: negative, magnitude: magnitude, scale: exactScale, to: scale, inexact: false, rule: rule,
            operation: "multiply"
        )
    }

    /// The quotient `self / divisor`, rounded to `scale`.
    /// - Throws: ``DecimalError/divisionByZero``, overflow, scale out of range.
    public func divided(
        by divisor: DecimalNumber, roundedTo scale: Int, rule: RoundingRule = .halfUp
    ) throws(DecimalError) -> DecimalNumber {
        guard !divisor.isZero else { throw .divisionByZero }
        guard (0...DecimalNumber.maxScale).contains(scale) else { throw .scaleOutOfRange(scale) }
        // Compute the quotient at a working scale with at least one guard digit,
        // and large enough that the numerator only ever needs scaling up.
        let working = max(scale + 1, self.scale - divisor.scale)
        var numerator = WideUInt(significand.magnitude)
        numerator.multiply(byPowerOfTen: working + divisor.scale - self.scale)
        let remainder = numerator.divide(by: divisor.significand.magnitude)
        return try DecimalNumber.round(
            negative: isNegative != divisor.isNegative, magnitude: numerator, scale: working, to: scale,
            inexact: remainder != 0, rule: rule, operation: "divide"
        )
    }

    /// `percent` % of this number, rounded to `scale`: `self × percent / 100`.
    ///
    /// ```swift
    /// let tax = try net.percentage(19, roundedTo: 2)
    /// ```
    public func percentage(
        _ percent: DecimalNumber, roundedTo scale: Int, rule: RoundingRule = .halfUp
    ) throws(DecimalError) -> DecimalNumber {
        try DecimalNumber.product([self, percent, DecimalNumber(checkedSignificand: 1, scale: 2)], roundedTo: scale, rule: rule)
    }

    /// This number rounded to `scale` (exact when `scale` is not smaller).
    public func rounded(toScale scale: Int, rule: RoundingRule = .halfUp) throws(DecimalError) -> DecimalNumber {
        try DecimalNumber.round(
            negative: isNegative, magnitude: WideUInt(significand.magnitude), scale: self.scale, to: scale,
            inexact: false, rule: rule, operation: "round"
        )
    }

    /// The exact sum of `numbers` (zero when empty).
    public static func sum(_ numbers: some Sequence<DecimalNumber>) throws(DecimalError) -> DecimalNumber {
        var total = DecimalNumber.zero
        for number in numbers { total = try total.adding(number) }
        return total
    }

    /// Rounds `±magnitude × 10^-scale` to `target`. `inexact` says whether
    /// non-zero digits below `scale` were already dropped (a division
    /// remainder); it only breaks exact ties, and requires `target < scale`.
    static func round(
        negative: Bool, magnitude: WideUInt, scale: Int, to target: Int, inexact: Bool, rule: RoundingRule,
        operation: String
    ) throws(DecimalError) -> DecimalNumber {
        guard (0...maxScale).contains(target) else { throw .scaleOutOfRange(target) }
        var magnitude = magnitude
        if target >= scale {
            magnitude.multiply(byPowerOfTen: target - scale)
            return try make(negative: negative && !magnitude.isZero, magnitude: magnitude, scale: target, operation: operation)
        }
        // Keep one digit beyond the target; remember whether anything below it was non-zero.
        let sticky = magnitude.divide(byPowerOfTen: scale - target - 1) || inexact
        let lastDigit = magnitude.divide(by: 10)
        let roundUp: Bool
        switch rule {
        case .halfUp:
            roundUp = lastDigit >= 5
        case .halfEven:
            let odd = (magnitude.limbs.first ?? 0) & 1 == 1
            roundUp = lastDigit > 5 || (lastDigit == 5 && (sticky || odd))
        }
        if roundUp { magnitude.add(WideUInt(1)) }
        return try make(negative: negative && !magnitude.isZero, magnitude: magnitude, scale: target, operation: operation)
    }
}
