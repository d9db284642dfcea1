import Foundation

/// `fieldbook-bench`: benchmarks that report a baseline measured in the same run.
///
/// ```sh
/// swift run -c release fieldbook-bench merge [--changes N] [--json]
/// swift run -c release --scratch-path .build-release fieldbook-bench initial-sync|a-to-b|push-concurrency [--json]
/// swift run -c release --scratch-path .build-release fieldbook-bench all [--quick]   # every figure, one run
/// ```
func run(_ command: BenchCommand) async throws {
    switch command {
    case .help:
        print(BenchCommand.usage)
    case .all(let quick):
        for arguments in BenchSuite.commands(quick: quick) {
            print("== fieldbook-bench \(arguments.joined(separator: " "))")
            try await run(try BenchCommand.parse(arguments))
            print("")
        }
    case .merge(let options):
        let workload = MergeWorkload(options)
        let result = MergeBenchmark(workload: workload, repeats: options.repeats).run()
        let report = MergeReport(options: options, result: result)
        print(options.json ? report.json : report.text)
    case .localWrites(let options):
        let report = try LocalWriteBenchmark(options: options).run()
        print(options.json ? report.json : report.text)
    case .initialSync(let options):
        let report = try await InitialSyncBenchmark(options: options).run()
        print(options.json ? report.json : report.text)
    case .aToB(let options):
        let report = try await AToBBenchmark(options: options).run()
        print(options.json ? report.json : report.text)
    case .pushConcurrency(let options):
        let report = try await PushConcurrencyBenchmark(options: options).run()
        print(options.json ? report.json : report.text)
    case .pushScaleOut(let options):
        let report = try await ScaleOutBenchmark(options: options).run()
        print(options.json ? report.json : report.text)
    case .metadata(let options):
        let report = try await MetadataBenchmark(options: options).run()
        print(options.json ? report.json : report.text)
    case .wire(let options):
        let report = try await WireBenchmark(options: options).run()
        print(options.json ? report.json : report.text)
    }
}

do {
    try await run(try BenchCommand.parse(Array(CommandLine.arguments.dropFirst())))
} catch {
    FileHandle.standardError.write(Data("fieldbook-bench: \(error)\n\(BenchCommand.usage)\n".utf8))
    exit(2)
}
