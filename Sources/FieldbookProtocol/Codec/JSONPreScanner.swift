/// A single linear pass over a JSON body that checks RFC 8259 syntax and
/// UTF-8, and measures nesting depth and value count against ``WireLimits``
/// — before any decoder allocates a tree for it.
///
/// The scanner is iterative (no recursion), keeps a stack no deeper than
/// ``WireLimits/maxDepth`` and stops at the first violation, so 100 000
/// opening brackets cost 33 bytes of work, not a stack overflow.
enum JSONPreScanner {
    /// Scans `bytes`; returns the body's shape or throws the first problem found.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, limits: WireLimits) throws(WireCodecError) -> JSONShape {
        if bytes.count > limits.maxBodyBytes { throw .limitExceeded(.bodyBytes, limit: limits.maxBodyBytes) }
        var scanner = Scanner(bytes: bytes, limits: limits)
        try scanner.run()
        return JSONShape(bytes: bytes.count, depth: scanner.deepest, elements: scanner.elements)
    }
}

private struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let limits: WireLimits
    var index = 0
    var elements = 0
    var deepest = 0
    /// Open containers: true for an object, false for an array.
    var open: [Bool] = []

    init(bytes: UnsafeBufferPointer<UInt8>, limits: WireLimits) {
        self.bytes = bytes
        self.limits = limits
        open.reserveCapacity(min(limits.maxDepth, 64))
    }

    mutating func run() throws(WireCodecError) {
        var expectingValue = true
        while true {
            skipWhitespace()
            if expectingValue {
                try beginValue(&expectingValue)
                continue
            }
            guard let inObject = open.last else { break }
            guard index < bytes.count else { throw malformed(inObject ? "unterminated object" : "unterminated array") }
            switch bytes[index] {
            case UInt8(ascii: ","):
                index += 1
                if inObject { try memberName() }
                expectingValue = true
            case UInt8(ascii: "}") where inObject, UInt8(ascii: "]") where !inObject:
                index += 1
                open.removeLast()
            default:
                throw malformed(inObject ? "expected ',' or '}'" : "expected ',' or ']'")
            }
        }
        if index != bytes.count { throw malformed("unexpected data after the top-level value") }
    }

    /// Consumes a scalar, or opens a container (closing it at once when empty).
    mutating func beginValue(_ expectingValue: inout Bool) throws(WireCodecError) {
        guard index < bytes.count else { throw malformed("unexpected end of input, expected a value") }
        elements += 1
        if elements > limits.maxElements { throw .limitExceeded(.elementCount, limit: limits.maxElements) }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            try push(object: true)
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                open.removeLast()
                expectingValue = false
            } else {
                try memberNameAfterWhitespace()
            }
        case UInt8(ascii: "["):
            try push(object: false)
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                open.removeLast()
                expectingValue = false
            }
        case UInt8(ascii: "\""):
            try string()
            expectingValue = false
        case UInt8(ascii: "t"):
            try literal("true")
            expectingValue = false
        case UInt8(ascii: "f"):
            try literal("false")
            expectingValue = false
        case UInt8(ascii: "n"):
            try literal("null")
            expectingValue = false
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try number()
            expectingValue = false
        default:
            throw malformed("unexpected character, expected a value")
        }
    }

    mutating func push(object: Bool) throws(WireCodecError) {
        if open.count >= limits.maxDepth { throw .limitExceeded(.nestingDepth, limit: limits.maxDepth) }
        open.append(object)
        deepest = max(deepest, open.count)
        index += 1
    }

    /// Parses `"name" :` after skipping whitespace.
    mutating func memberName() throws(WireCodecError) {
        skipWhitespace()
        try memberNameAfterWhitespace()
    }

    mutating func memberNameAfterWhitespace() throws(WireCodecError) {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw malformed("expected a member name") }
        try string()
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw malformed("expected ':'") }
        index += 1
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    mutating func literal(_ word: StaticString) throws(WireCodecError) {
        let count = word.utf8CodeUnitCount
        guard bytes.count - index >= count else { throw malformed("invalid literal") }
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: count)
        for offset in 0..<count where bytes[index + offset] != expected[offset] {
            throw malformed("invalid literal")
        }
        index += count
    }

    mutating func number() throws(WireCodecError) {
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw malformed("invalid number") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            skipDigits()
        }
        // Every number in the protocol is an integer (SYNC.md, values): a
        // fraction or exponent is refused here, before a lenient decoder
        // could read `1.0` or `1e2` as the integer 1 or 100.
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] | 0x20 == UInt8(ascii: "e") {
            throw malformed("numbers are integers: no fraction or exponent")
        }
    }

    mutating func skipDigits() {
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }

    func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// Consumes a string starting at its opening quote, checking escapes and UTF-8.
    mutating func string() throws(WireCodecError) {
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return
            case UInt8(ascii: "\\"):
                try escape()
            case 0x00..<0x20:
                throw malformed("unescaped control character in string")
            case 0x80...:
                try utf8Sequence()
            default:
                index += 1
            }
        }
        throw malformed("unterminated string")
    }

    mutating func escape() throws(WireCodecError) {
        guard index + 1 < bytes.count else { throw malformed("unterminated escape") }
        switch bytes[index + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            index += 2
        case UInt8(ascii: "u"):
            let unit = try hexEscape()
            if (0xDC00...0xDFFF).contains(unit) { throw malformed("unpaired surrogate escape") }
            if (0xD800...0xDBFF).contains(unit) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u"),
                    (0xDC00...0xDFFF).contains(try hexEscape())
                else { throw malformed("unpaired surrogate escape") }
            }
        default:
            throw malformed("invalid escape")
        }
    }

    /// Reads `\uXXXX` at `index`, returning the code unit.
    mutating func hexEscape() throws(WireCodecError) -> UInt16 {
        guard bytes.count - index >= 6 else { throw malformed("truncated \\u escape") }
        var unit: UInt16 = 0
        for offset in 2..<6 {
            let byte = bytes[index + offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw malformed("invalid \\u escape")
            }
            unit = unit << 4 | UInt16(digit)
        }
        index += 6
        return unit
    }

    /// Validates one multi-byte UTF-8 sequence (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF).
    mutating func utf8Sequence() throws(WireCodecError) {
        let lead = bytes[index]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: throw malformed("invalid UTF-8")
        }
        guard bytes.count - index >= length else { throw malformed("truncated UTF-8 sequence") }
        let second = bytes[index + 1]
        guard second >= low, second <= high else { throw malformed("invalid UTF-8") }
        for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 {
            throw malformed("invalid UTF-8")
        }
        index += length
    }

    func malformed(_ reason: String) -> WireCodecError {
        .malformedJSON(offset: index, reason: reason)
    }
}
