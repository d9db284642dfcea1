import Foundation

/// Resident memory of a process, from `/proc/<pid>/status` (Linux).
enum ProcessMemory {
    /// `VmRSS` of `pid` in bytes, or nil when it cannot be read.
    static func residentBytes(_ pid: Int32) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            let digits = line.dropFirst("VmRSS:".count).trimmingCharacters(in: .whitespaces).prefix { $0.isNumber }
            return Int(digits).map { $0 * 1024 }
        }
        return nil
    }

    /// `VmRSS` of the running server in MiB (0 when unknown), for messages.
    static func residentMiB(_ server: ServerProcess) -> Double {
        guard let pid = server.processIdentifier, let bytes = residentBytes(pid) else { return 0 }
        return Double(bytes) / 1_048_576
    }
}
