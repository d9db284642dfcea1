import Foundation

/// `PRAGMA integrity_check` through the `sqlite3` command-line shell (which
/// CI installs), on database files other processes wrote.
enum SQLiteIntegrity {
    /// The shell's answer for `path`: `"ok"` when the file is sound.
    static func check(_ path: String) async throws -> String {
        let result = try await ProcessResult.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["sqlite3", path, "PRAGMA integrity_check;"]
        )
        guard result.exitCode == 0 else { return "sqlite3 failed: \(result)" }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The SQLite files of a server data directory.
    static func serverFiles(_ server: ServerProcess) -> [String] {
        ["sync.sqlite", "directory.sqlite"].map { server.dataDirectory.appendingPathComponent($0).path }
    }
}
