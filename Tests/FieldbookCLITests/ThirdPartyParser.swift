import FieldbookTestSupport
import Foundation

/// Widely used third-party parsers (Python's `vobject`, `icalendar`) run on
/// Fieldbook's output. `.ci/run` installs them; locally the tests skip
/// without them, under `CI` they fail instead.
enum ThirdPartyParser {
    /// Whether `python3` can import `module` here.
    static func isAvailable(_ module: String) -> Bool { (try? python("import \(module)", arguments: []).status) == 0 }

    /// Whether the environment says this is CI, where missing parsers are a failure.
    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty } ?? false }

    /// Runs `python3 -c script arguments…`; returns the exit status and the combined output.
    static func python(_ script: String, arguments: [String]) throws -> (status: Int32, output: String) {
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
