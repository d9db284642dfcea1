/// Position keys for ordered lists that need no renumbering.
///
/// A key is a non-empty string of base-36 digits `0–9a–z` that does not end
/// in `0`; keys order bytewise, read as fractions 0.d₁d₂d₃… . Between any two
/// keys there is always another, so an insert never rewrites its neighbours.
/// Two replicas inserting at the same place concurrently may pick the same
/// key; lists then order equal keys by item ID, so every replica agrees.
public enum FractionalIndex {
    private static let digits = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8)
    private static let base = 36

    /// Whether `key` is a valid position key.
    public static func isValid(_ key: String) -> Bool {
        guard let last = key.utf8.last, last != 0x30 else { return false }
        return key.utf8.allSatisfy { digitValue($0) != nil }
    }

    /// A key strictly between `lower` and `upper` (nil means the list's start or end).
    ///
    /// Invalid keys are treated as absent, and an `upper` not above `lower`
    /// (equal keys from concurrent inserts) is ignored, so the result is
    /// always a valid key greater than a valid `lower`.
    public static func between(_ lower: String?, _ upper: String?) -> String {
        let lower = lower.flatMap { isValid($0) ? $0 : nil }
        var upper = upper.flatMap { isValid($0) ? $0 : nil }
        if let low = lower, let high = upper, !low.utf8.lexicographicallyPrecedes(high.utf8) { upper = nil }
        let low = lower.map { Array($0.utf8).compactMap(digitValue) } ?? []
        let high = upper.map { Array($0.utf8).compactMap(digitValue) }
        var result: [Int] = []
        var boundedBelow = true  // result so far equals lower's prefix
        var boundedAbove = high != nil  // result so far equals upper's prefix
        var index = 0
        while true {
            let lowDigit = boundedBelow && index < low.count ? low[index] : 0
            let highDigit: Int
            if boundedAbove, let high {
                highDigit = index < high.count ? high[index] : 0
            } else {
                highDigit = base
            }
            if highDigit - lowDigit > 1 {
                result.append((lowDigit + highDigit) / 2)
                break
            }
            result.append(lowDigit)
            if highDigit - lowDigit == 1 { boundedAbove = false }
            if index >= low.count { boundedBelow = false }
            index += 1
        }
        return String(decoding: result.map { digits[$0] }, as: UTF8.self)
    }

    private static func digitValue(_ byte: UInt8) -> Int? {
        switch byte {
        case 0x30...0x39: Int(byte - 0x30)
        case 0x61...0x7A: Int(byte - 0x61) + 10
        default: nil
        }
    }
}
