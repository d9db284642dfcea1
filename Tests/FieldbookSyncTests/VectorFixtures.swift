import FieldbookSync
import Foundation
import Testing
import FieldbookTestSupport

/// Locating, loading and shuffling the conformance vectors.
enum VectorFixtures {
    /// The package root (three levels above this file).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // FieldbookSyncTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// `Fixtures/sync-vectors`.
    static let directory = packageRoot.appendingPathComponent("Fixtures/sync-vectors", isDirectory: true)

    /// File names of every vector (`NNN-name.json`; the schema is not a vector), sorted.
    static let fileNames: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { name in
            name.hasSuffix(".json") && !name.hasSuffix(".schema.json") && name.prefix(3).allSatisfy(\.isNumber)
        }.sorted()
    }()

    /// The vector name of a file name: `NNN-name.json` -> `name`.
    static func vectorName(_ fileName: String) -> String {
        String(fileName.dropFirst(4).dropLast(5))
    }

    /// Decodes one vector with JSONDecoder into the test target's types.
    static func load(_ fileName: String) throws -> ConformanceVector {
        let data = try Data(contentsOf: directory.appendingPathComponent(fileName))
        return try JSONDecoder().decode(ConformanceVector.self, from: data)
    }

    /// Vectors the Swift core currently fails, by vector name, with the cause.
    /// Each is a rule violation of the core, reported to the lead; the vectors
    /// state what the rules require. The tests record these under
    /// `withKnownIssue`, so they fail loudly again once the core is fixed and
    /// the entry here is stale.
    /// Vectors the core is known to fail, with the reason; empty when conformant.
    static let knownIssues: [String: String] = [:]

    /// Runs `body`, recording failures as a known issue for the listed vectors.
    static func checking(_ fileName: String, intermittent: Bool = false, _ body: () throws -> Void) rethrows {
        if let issue = knownIssues[vectorName(fileName)] {
            withKnownIssue(Comment(rawValue: issue), isIntermittent: intermittent) {
                try body()
            }
        } else {
            try body()
        }
    }

    /// Runs a script under `Fixtures/sync-vectors` with `python3` from the
    /// package root; returns its exit status (-1 if it did not exit normally)
    /// and its combined output.
    static func runPython(_ script: String, _ arguments: String...) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", directory.appendingPathComponent(script).path] + arguments
        process.currentDirectoryURL = packageRoot
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readToEndRetryingInterrupts(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationReason == .exit ? process.terminationStatus : -1, text)
    }

    /// A delivery order holding every index at least once, shuffled, with random duplicates.
    static func randomDelivery(count: Int, using random: inout VectorRandom) -> [Int] {
        var order = Array(0..<count)
        order.shuffle(using: &random)
        for index in 0..<count {
            let copies = [0, 0, 1, 2].randomElement(using: &random)!
            for _ in 0..<copies {
                order.insert(index, at: Int.random(in: 0...order.count, using: &random))
            }
        }
        return order
    }

    /// A deterministic seed from a file name (FNV-1a over its bytes).
    static func seed(_ fileName: String) -> UInt64 {
        fileName.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }

    /// Every record state of the replica, sorted by record ID bytewise.
    static func sortedStates(_ replica: Replica) -> [RecordState] {
        replica.records.values.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
    }

    /// States as JSON with sorted keys (for byte comparisons and messages).
    static func canonicalJSON(_ states: [RecordState]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(states), as: UTF8.self)
    }

    /// The replica's records as canonical JSON bytes: equal bytes mean equal
    /// states byte for byte (a second check next to `RecordState ==`).
    static func canonicalBytes(_ replica: Replica) throws -> Data {
        Data(try canonicalJSON(sortedStates(replica)).utf8)
    }
}

/// SplitMix64: a small seeded generator so that shuffled deliveries reproduce.
struct VectorRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
