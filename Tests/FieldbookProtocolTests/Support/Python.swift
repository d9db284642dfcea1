import Foundation
import FieldbookTestSupport

/// Runs `python3 -c <script> <arguments…>` (found on `PATH`) and captures its output.
enum Python {
    /// Whether `python3` can be started here.
    static let isAvailable: Bool = (try? run("import sys").status) == 0

    /// Whether the environment says this is CI (`CI` set and non-empty), where
    /// tests needing Python must fail rather than skip when it is missing.
    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty } ?? false }

    /// Runs a script; returns its exit status and combined stdout and stderr.
    static func run(_ script: String, arguments: [String] = []) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readToEndRetryingInterrupts()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
