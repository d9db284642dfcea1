import Foundation

/// `fieldbook-bench`: benchmarks that report a baseline measured in the same run.
///
/// ```sh
/// swift run -c release fieldbook-bench merge [--changes N] [--json]
/// ```
do {
    switch try BenchCommand.parse(Array(CommandLine.arguments.dropFirst())) {
    case .help:
        print(BenchCommand.usage)
    case .merge(let options):
        let workload = MergeWorkload(options)
        let result = MergeBenchmark(workload: workload, repeats: options.repeats).run()
        let report = MergeReport(options: options, result: result)
        print(options.json ? report.json : report.text)
    case .localWrites(let options):
        let report = try LocalWriteBenchmark(options: options).run()
        print(options.json ? report.json : report.text)
    }
} catch {
    FileHandle.standardError.write(Data("fieldbook-bench: \(error)\n\(BenchCommand.usage)\n".utf8))
    exit(2)
}
