import Foundation

/// How many merge schedules to run and which, read once from the environment.
///
/// - `FIELDBOOK_PROPERTY_SCHEDULES`: number of schedules (default 10,000).
/// - `FIELDBOOK_PROPERTY_SEED`: run only the schedule with this seed (decimal or `0x…`).
/// - `FIELDBOOK_PROPERTY_STEPS`: override the number of steps of every schedule
///   (used to replay a shrunk failure).
/// - `FIELDBOOK_PROPERTY_TRACE=1`: print every step of every schedule run
///   (meant together with `FIELDBOOK_PROPERTY_SEED`).
///
/// ```sh
/// FIELDBOOK_PROPERTY_SCHEDULES=1000000 swift test --disable-xctest --filter Property
/// ```
struct PropertySettings: Sendable {
    /// Schedules run by default, spread over ``chunks`` parallel test cases.
    static let defaultSchedules = 10_000
    /// Parallel test cases the schedules are split into.
    static let chunks = 16
    /// Seed of the whole default run; schedule *i* uses `seed(forSchedule: i)`.
    static let baseSeed: UInt64 = 0xF1E1_DB00_C0FF_EE00

    /// Number of schedules to run.
    var schedules: Int
    /// The single schedule seed to run, if any.
    var seed: UInt64?
    /// Step-count override, if any.
    var steps: Int?
    /// Whether to print a trace of every step.
    var trace: Bool

    /// The settings of this process.
    static let current = PropertySettings(environment: ProcessInfo.processInfo.environment)

    /// Parses the settings from environment variables; malformed values are ignored.
    init(environment: [String: String]) {
        schedules = environment["FIELDBOOK_PROPERTY_SCHEDULES"].flatMap { Int($0) }.map { max($0, 0) }
            ?? Self.defaultSchedules
        seed = environment["FIELDBOOK_PROPERTY_SEED"].flatMap(Self.parseSeed)
        steps = environment["FIELDBOOK_PROPERTY_STEPS"].flatMap { Int($0) }.map { max($0, 0) }
        trace = environment["FIELDBOOK_PROPERTY_TRACE"].map { $0 == "1" || $0 == "true" } ?? false
    }

    /// The seed of schedule number `index` in a full run.
    static func seed(forSchedule index: Int) -> UInt64 {
        PropertyRandom.mix(baseSeed &+ UInt64(index))
    }

    /// The one-line shell command replaying schedule `seed` with `steps` steps, traced.
    static func reproduceCommand(seed: UInt64, steps: Int) -> String {
        "FIELDBOOK_PROPERTY_SEED=\(seed) FIELDBOOK_PROPERTY_STEPS=\(steps) "
            + "FIELDBOOK_PROPERTY_TRACE=1 swift test --disable-xctest --filter Property"
    }

    private static func parseSeed(_ text: String) -> UInt64? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("0x") { return UInt64(trimmed.dropFirst(2), radix: 16) }
        return UInt64(trimmed)
    }
}
