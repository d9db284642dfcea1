import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program as a child process and reports its exit status, output
/// and peak resident memory (`ru_maxrss` from `wait4`).
enum ChildProcess {
    /// What a finished child did.
    struct Outcome {
        var status: Int32
        var standardOutput: String
        /// Peak resident set size in bytes.
        var peakRSSBytes: Int
        var seconds: Double
    }

    /// Runs `executable` with `arguments` and `environment` added to ours,
    /// feeding `input` to its standard input; standard output is captured via a file.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String], input: String = "") throws -> Outcome {
        let outputPath = NSTemporaryDirectory() + "fieldbook-bench-out-" + UUID().uuidString
        let inputPath = outputPath + ".in"
        try Data(input.utf8).write(to: URL(fileURLWithPath: inputPath))
        FileManager.default.createFile(atPath: outputPath, contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: outputPath)
            try? FileManager.default.removeItem(atPath: inputPath)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inputPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_TRUNC, 0o600)
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else { throw BenchError("cannot start \(executable): error \(spawned)") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw BenchError("wait4 failed: errno \(errno)") }
        }
        let elapsed = seconds(since: start)
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Outcome(status: code, standardOutput: output, peakRSSBytes: Int(usage.ru_maxrss) * 1024, seconds: elapsed)
    }
}
