/// The command line of `fieldbook-bench`, parsed by hand (no dependencies).
///
/// ```sh
/// swift run -c release fieldbook-bench merge --changes 100000 --json
/// ```
enum BenchCommand: Equatable {
    /// Measure merge throughput against a plain-dictionary baseline.
    case merge(MergeOptions)
    /// Measure local write latency and batched rate against raw SQLite inserts.
    case localWrites(LocalWriteOptions)
    /// Print usage.
    case help

    /// Usage text.
    static let usage = """
        usage: fieldbook-bench merge [--changes N] [--records N] [--replicas N] [--repeats N] [--seed N] [--json]
               fieldbook-bench local-writes [--writes N] [--batch N] [--json]

          merge        apply random conflicting changes to a fresh replica (Replica.receive) and to a
                       plain [String: [String: Value]] dictionary (naive last writer wins); report the
                       median throughput of each and their ratio
          --changes    changes to generate (default 100000)
          --records    records they touch (default 2000)
          --replicas   replicas making them (default 4)
          --repeats    timed runs; the median is reported (default 5)
          --seed       workload seed (default 1)
          --json       print one JSON object instead of text

          local-writes write records through the client core (ClientDatabase: validation, merge,
                       projection and outbox in one SQLite transaction) and insert rows of the same
                       size with raw prepared SQLite statements, both on files in WAL mode with
                       synchronous=FULL; report single-write latency (median, p99) and the batched
                       write rate of each, and their ratio
          --writes     single-transaction writes to time (default 2000)
          --batch      writes in the batched transaction (default 20000)
        """

    /// Parses the arguments after the program name.
    /// - Throws: ``BenchArgumentError`` naming the offending argument.
    static func parse(_ arguments: [String]) throws(BenchArgumentError) -> BenchCommand {
        guard let command = arguments.first else { throw .missingCommand }
        if ["-h", "--help", "help"].contains(command) { return .help }
        if command == "local-writes" { return try parseLocalWrites(arguments.dropFirst()) }
        guard command == "merge" else { throw .unknownCommand(command) }
        var options = MergeOptions()
        var rest = arguments.dropFirst()[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--json": options.json = true
            case "-h", "--help": return .help
            case "--changes": options.changes = try positive(argument, rest.popFirst())
            case "--records": options.records = try positive(argument, rest.popFirst())
            case "--replicas": options.replicas = try positive(argument, rest.popFirst())
            case "--repeats": options.repeats = try positive(argument, rest.popFirst())
            case "--seed":
                guard let text = rest.popFirst(), let seed = UInt64(text) else { throw .invalidValue(argument) }
                options.seed = seed
            default: throw .unknownOption(argument)
            }
        }
        return .merge(options)
    }

    private static func parseLocalWrites(_ arguments: ArraySlice<String>) throws(BenchArgumentError) -> BenchCommand {
        var options = LocalWriteOptions()
        var rest = arguments
        while let argument = rest.popFirst() {
            switch argument {
            case "--json": options.json = true
            case "-h", "--help": return .help
            case "--writes": options.writes = try positive(argument, rest.popFirst())
            case "--batch": options.batch = try positive(argument, rest.popFirst())
            default: throw .unknownOption(argument)
            }
        }
        return .localWrites(options)
    }

    private static func positive(_ option: String, _ text: String?) throws(BenchArgumentError) -> Int {
        guard let text, let value = Int(text), value > 0 else { throw .invalidValue(option) }
        return value
    }
}

/// Options of the `merge` benchmark.
struct MergeOptions: Equatable {
    var changes = 100_000
    var records = 2_000
    var replicas = 4
    var repeats = 5
    var seed: UInt64 = 1
    var json = false
}

/// Options of the `local-writes` benchmark.
struct LocalWriteOptions: Equatable {
    var writes = 2_000
    var batch = 20_000
    var json = false
}

/// A command line that could not be parsed.
enum BenchArgumentError: Error, Equatable, CustomStringConvertible {
    case missingCommand
    case unknownCommand(String)
    case unknownOption(String)
    case invalidValue(String)

    var description: String {
        switch self {
        case .missingCommand: "missing command"
        case .unknownCommand(let command): "unknown command '\(command)'"
        case .unknownOption(let option): "unknown option '\(option)'"
        case .invalidValue(let option): "\(option) needs a positive integer"
        }
    }
}
