import Foundation
import Testing
import FieldbookTestSupport

@Suite("Crash safety")
struct CrashSafetyTests {
    /// Kills the CLI with SIGKILL in the middle of a stream of writes, again
    /// and again on the same data directory, and checks after every kill that
    /// no record lacks its outbox entry or the reverse, that SQLite's
    /// integrity check passes, and that the writes that finished are kept.
    @Test func killingTheCLIMidWriteNeverSplitsARecordFromItsOutboxEntry() async throws {
        let cli = try CLIRunner()
        var generator = SystemRandomNumberGenerator()
        var previousOutbox = 0
        for round in 0..<6 {
            let process = Process()
            process.executableURL = CLIRunner.executable
            process.arguments = ["debug", "write-loop", "--count", "1000000"]
            process.environment = ProcessInfo.processInfo.environment.merging(["FIELDBOOK_HOME": cli.home]) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let delay = UInt64.random(in: 100...350, using: &generator)
            try await Task.sleep(nanoseconds: delay * 1_000_000)
            kill(process.processIdentifier, SIGKILL)
            await Self.waitOffPool(process)
            #expect(process.terminationReason == .uncaughtSignal, "round \(round): the writer should have been killed")

            let check = try await cli.runAsync("debug", "check", "--json")
            #expect(check.exitCode == 0, "round \(round): \(check.stdout) \(check.stderr)")
            let status = try #require(try check.json() as? [String: Any])
            #expect(status["ok"] as? Bool == true)

            let outbox = try await outboxCount(home: cli.home)
            #expect(outbox >= previousOutbox, "finished writes are never lost")
            #expect(outbox % 2 == 0, "each transaction writes an account and a contact together")
            previousOutbox = outbox
        }
        #expect(previousOutbox > 0, "some writes completed")
    }

    /// Waits for `process` on a Dispatch thread, keeping the cooperative pool free.
    private static func waitOffPool(_ process: Process) async {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                process.waitUntilExit()
                continuation.resume()
            }
        }
    }

    private func outboxCount(home: String) async throws -> Int {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", home + "/replica.sqlite", "SELECT COUNT(*) FROM outbox"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readToEndRetryingInterrupts()
        await Self.waitOffPool(process)
        return Int(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }
}
