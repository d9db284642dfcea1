import Foundation

/// gzip through the `gzip` tool (zlib deflate at level 6, the level the
/// server's responses use), so baselines are compressed exactly alike.
enum Gzip {
    /// Size of `data` compressed by `gzip -6`.
    static func size(_ data: Data) throws -> Int {
        let path = try temporary(data)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let outcome = try ChildProcess.run("/bin/sh", ["-c", "gzip -6 -c < '\(path)' | wc -c"], environment: [:])
        guard outcome.status == 0, let size = Int(outcome.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw BenchError("gzip failed (\(outcome.status)): \(outcome.standardOutput)")
        }
        return size
    }

    /// The inflated contents of a gzip stream.
    static func inflate(_ data: Data) throws -> Data {
        let path = try temporary(data)
        defer {
            try? FileManager.default.removeItem(atPath: path)
            try? FileManager.default.removeItem(atPath: path + ".out")
        }
        let outcome = try ChildProcess.run("/bin/sh", ["-c", "gzip -dc < '\(path)' > '\(path).out'"], environment: [:])
        guard outcome.status == 0 else { throw BenchError("gzip -d failed (\(outcome.status))") }
        return try Data(contentsOf: URL(fileURLWithPath: path + ".out"))
    }

    private static func temporary(_ data: Data) throws -> String {
        let path = NSTemporaryDirectory() + "fieldbook-bench-gzip-" + UUID().uuidString
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }
}
