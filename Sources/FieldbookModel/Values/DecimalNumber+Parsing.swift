extension DecimalNumber {
    /// Parses plain decimal text: optional `-` or `+`, digits, optionally `.`
    /// and more digits (`"12"`, `"-0.5"`, `"007.250"`). The scale is the
    /// number of fraction digits written.
    ///
    /// Lenient about leading zeros and trailing fraction zeros (use
    /// ``isCanonical(_:scale:)`` to check wire text); never accepts exponents,
    /// whitespace, digit grouping, `.5` or `5.`.
    /// - Throws: ``DecimalError/malformed(reason:)``, ``DecimalError/overflow(operation:)``,
    ///   ``DecimalError/scaleOutOfRange(_:)``.
    public init(parsing text: String) throws(DecimalError) {
        var bytes = text.utf8[...]
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        let integerDigits = bytes.prefix { DecimalNumber.isDigit($0) }
        var rest = bytes.dropFirst(integerDigits.count)
        var fractionDigits = rest.prefix(0)
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            fractionDigits = rest.prefix { DecimalNumber.isDigit($0) }
            rest = rest.dropFirst(fractionDigits.count)
            if fractionDigits.isEmpty { throw .malformed(reason: "no digits after the decimal point") }
        }
        if integerDigits.isEmpty { throw .malformed(reason: "no digits before the decimal point") }
        if !rest.isEmpty { throw .malformed(reason: "unexpected character (only digits, one '.' and a leading sign)") }
        if fractionDigits.count > DecimalNumber.maxScale { throw .scaleOutOfRange(fractionDigits.count) }
        var magnitude = WideUInt(0)
        for byte in Array(integerDigits) + Array(fractionDigits) {
            magnitude.multiply(by: 10)
            magnitude.add(WideUInt(UInt64(byte - UInt8(ascii: "0"))))
            if magnitude.uint64 == nil { throw .overflow(operation: "parse") }
        }
        self = try DecimalNumber.make(
            negative: negative, magnitude: magnitude, scale: fractionDigits.count, operation: "parse"
        )
    }

    /// Whether `text` is the canonical wire form of a decimal at `scale`:
    /// `-?(0|[1-9][0-9]*)` followed, when `scale > 0`, by `.` and exactly
    /// `scale` digits; no negative zero; within the 64-bit significand range.
    ///
    /// ```swift
    /// DecimalNumber.isCanonical("12.50", scale: 2)   // true
    /// DecimalNumber.isCanonical("12.5", scale: 2)    // false
    /// DecimalNumber.isCanonical("-0.00", scale: 2)   // false
    /// ```
    public static func isCanonical(_ text: String, scale: Int) -> Bool {
        guard (0...maxScale).contains(scale), let number = try? DecimalNumber(parsing: text),
            number.scale == scale, let canonical = try? number.canonicalText(scale: scale)
        else { return false }
        return canonical == text
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
