/// A small deterministic pseudo-random generator (SplitMix64, Steele et al. 2014)
/// for the property tests.
///
/// Every helper draws from ``next()`` with its own fixed algorithm (no
/// standard-library shuffles or ranged randoms, whose algorithms may change
/// between toolchains), so a schedule seed reproduces the same run anywhere.
///
/// ```swift
/// var random = PropertyRandom(seed: 42)
/// let replicas = random.int(in: 2...6)
/// ```
struct PropertyRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Starts the sequence at `seed`.
    init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// The SplitMix64 finaliser: a bijective scramble of `value`.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<bound` (`bound` > 0), by multiply-high.
    mutating func int(below bound: Int) -> Int {
        precondition(bound > 0, "empty range")
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A value in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + int(below: range.count)
    }

    /// True with probability `percent`/100.
    mutating func percent(_ percent: Int) -> Bool { int(below: 100) < percent }

    /// A uniformly chosen element of a non-empty collection.
    mutating func pick<C: RandomAccessCollection>(_ items: C) -> C.Element where C.Index == Int {
        items[items.startIndex + int(below: items.count)]
    }

    /// A uniformly chosen index of `0..<count` other than `excluded` (`count` ≥ 2).
    mutating func index(below count: Int, other excluded: Int) -> Int {
        let index = int(below: count - 1)
        return index >= excluded ? index + 1 : index
    }

    /// Shuffles `items` in place (Fisher–Yates).
    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for index in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(index, int(below: index + 1))
        }
    }

    /// A shuffled copy of `items`.
    mutating func shuffled<T>(_ items: [T]) -> [T] {
        var copy = items
        shuffle(&copy)
        return copy
    }
}
