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
    /// Initial download of a large scope by the `fieldbook` CLI.
    case initialSync(InitialSyncOptions)
    /// One change from client A through the server to client B.
    case aToB(AToBOptions)
    /// Push throughput of many concurrent clients.
    case pushConcurrency(PushConcurrencyOptions)
    /// Push throughput on SQLite, PostgreSQL and two instances on PostgreSQL.
    case pushScaleOut(ScaleOutOptions)
    /// Change-tracking metadata on disk per byte of data (figure 6).
    case metadata(MetadataOptions)
    /// Compressed wire bytes per change vs gzip of the bare values (figure 7).
    case wire(WireOptions)
    /// Every figure of the performance issue in one run (``BenchSuite``).
    case all(quick: Bool)
    /// Print usage.
    case help

    /// Usage text.
    static let usage = usageText + "\n" + ScaleOutOptions.usage + BenchSuite.usage

    static let usageText = """
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

        server benchmarks (in-process fieldbook-server, HTTP/1.1 on 127.0.0.1, SQLite store in a temp dir):
               fieldbook-bench initial-sync [--records N] [--page-size N] [--no-engine] [--json]
               fieldbook-bench a-to-b [--records N] [--rounds N] [--json]
               fieldbook-bench push-concurrency [--clients N] [--batch N] [--seconds N] [--json]

          initial-sync     a rep's scope of N records (default 100000) downloaded by `fieldbook login` +
                           `fieldbook sync --json` (the release CLI next to this binary, child process:
                           records/s and peak RSS) and by an in-process SyncEngine; baseline: the same
                           state blobs inserted with raw SQLite in one transaction
          a-to-b           a store of N records (default 1000000); A edits, syncs; B syncs until it has
                           the edit: p50/p99 over --rounds (default 200); baselines: GET /healthz and
                           a raw SQLite write+read
          push-concurrency --clients (default 200) devices push batches of --batch (default 50) new
                           accounts for --seconds (default 10) over HTTP, then half as long in process;
                           baseline: raw SQLite inserts of the same change blobs
        """ + sizeUsage

    /// Parses the arguments after the program name.
    /// - Throws: ``BenchArgumentError`` naming the offending argument.
    static func parse(_ arguments: [String]) throws(BenchArgumentError) -> BenchCommand {
        guard let command = arguments.first else { throw .missingCommand }
        if ["-h", "--help", "help"].contains(command) { return .help }
        if command == "all" {
            let rest = arguments.dropFirst()
            if let unknown = rest.first(where: { $0 != "--quick" }) { throw .unknownOption(unknown) }
            return .all(quick: rest.contains("--quick"))
        }
        if command == "local-writes" { return try parseLocalWrites(arguments.dropFirst()) }
        if command == "push-scale-out" { return .pushScaleOut(try ScaleOutOptions.parse(arguments.dropFirst())) }
        if ["metadata", "wire"].contains(command) { return try parseSize(command, arguments.dropFirst()) }
        if ["initial-sync", "a-to-b", "push-concurrency"].contains(command) {
            return try parseServer(command, arguments.dropFirst())
        }
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

    private static func parseServer(_ command: String, _ arguments: ArraySlice<String>) throws(BenchArgumentError) -> BenchCommand {
        var initial = InitialSyncOptions()
        var aToB = AToBOptions()
        var push = PushConcurrencyOptions()
        var rest = arguments
        while let argument = rest.popFirst() {
            switch (command, argument) {
            case (_, "-h"), (_, "--help"): return .help
            case (_, "--json"): (initial.json, aToB.json, push.json) = (true, true, true)
            case ("initial-sync", "--records"): initial.records = try positive(argument, rest.popFirst())
            case ("initial-sync", "--page-size"): initial.pageSize = try positive(argument, rest.popFirst())
            case ("initial-sync", "--no-engine"): initial.inProcess = false
            case ("a-to-b", "--records"): aToB.records = try positive(argument, rest.popFirst())
            case ("a-to-b", "--rounds"): aToB.rounds = try positive(argument, rest.popFirst())
            case ("push-concurrency", "--clients"): push.clients = try positive(argument, rest.popFirst())
            case ("push-concurrency", "--batch"): push.batch = try positive(argument, rest.popFirst())
            case ("push-concurrency", "--seconds"): push.seconds = try positive(argument, rest.popFirst())
            default: throw .unknownOption(argument)
            }
        }
        switch command {
        case "initial-sync": return .initialSync(initial)
        case "a-to-b":
            aToB.scopeGroups = min(aToB.scopeGroups, max(1, aToB.records / SeedRecords.groupSize))
            return .aToB(aToB)
        default: return .pushConcurrency(push)
        }
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

/// Options of the `initial-sync` benchmark.
struct InitialSyncOptions: Equatable {
    var records = 100_000
    /// Records seeded through the push pipeline before the direct seeder takes over.
    var pipelined = 1_000
    /// `fieldbook sync --page-size`; nil leaves the CLI's default.
    var pageSize: Int?
    /// Also time an in-process SyncEngine.
    var inProcess = true
    var json = false
}

/// Options of the `a-to-b` benchmark.
struct AToBOptions: Equatable {
    var records = 1_000_000
    var rounds = 200
    var warmup = 10
    /// Account groups (five records each) in the clients' territory.
    var scopeGroups = 100
    var json = false
}

/// Options of the `push-concurrency` benchmark.
struct PushConcurrencyOptions: Equatable {
    var clients = 200
    var batch = 50
    var seconds = 10
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
